using KubeLint.Testing;
using KubeLint.Rules.Selectors;

namespace KubeLint.Rules.Tests.Selectors;

public sealed class AffinitySelectsNothingRuleTests
{
    private static string Deployment(string name, string affinity, string ns = "shop")
        => "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name + ", namespace: " + ns + "}\nspec:\n"
            + "  selector: {matchLabels: {app: " + name + "}}\n  template:\n    metadata: {labels: {app: " + name + "}}\n    spec:\n      affinity:\n"
            + affinity + "\n      containers: [{name: c, image: x:1}]\n---\n";

    private const string RequiredAffinityToCache = "        podAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            - topologyKey: topology.kubernetes.io/zone\n              labelSelector: {matchLabels: {app: cache}}";

    private const string PreferredAntiToWebserver = "        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 100\n              podAffinityTerm:\n                topologyKey: kubernetes.io/hostname\n                labelSelector: {matchLabels: {app: webserver}}";

    [Test]
    public void Fires_at_the_label_selector_of_required_and_preferred_terms_matching_no_template()
    {
        var findings = RuleRunner.Findings(Deployment("web", RequiredAffinityToCache) + Deployment("api", PreferredAntiToWebserver), new AffinitySelectsNothingRule());
        Assert.That(Manifests.Summaries(findings), Is.EqualTo(new[] { "KL2011@13:30", "KL2011@30:32" }));
        Assert.That(findings[0].Message, Is.EqualTo("the podAffinity term's labelSelector app=cache matches no pod template in namespace shop, so its pods stay Pending unless such pods run outside the input"));
        Assert.That(findings[1].Message, Is.EqualTo("the podAntiAffinity term's labelSelector app=webserver matches no pod template in namespace shop, so the term does nothing"));
    }

    [Test]
    public void Does_not_fire_when_a_template_of_the_terms_namespaces_matches()
    {
        var cache = Deployment("cache", PreferredAntiToWebserver.Replace("webserver", "cache"));
        Assert.That(RuleRunner.Summaries(Deployment("web", RequiredAffinityToCache) + cache, new AffinitySelectsNothingRule()), Is.Empty);

        // The term's namespaces list is searched, not the pod's own namespace.
        var elsewhere = Deployment("cache", PreferredAntiToWebserver.Replace("webserver", "cache"), ns: "data");
        var listed = RequiredAffinityToCache + "\n              namespaces: [data]";
        Assert.That(RuleRunner.Summaries(Deployment("web", listed) + elsewhere, new AffinitySelectsNothingRule()), Is.Empty);
        Assert.That(RuleRunner.Summaries(Deployment("web", RequiredAffinityToCache + "\n              namespaceSelector: {}") + elsewhere, new AffinitySelectsNothingRule()), Is.Empty);
        Assert.That(RuleRunner.Summaries(Deployment("web", RequiredAffinityToCache) + elsewhere, new AffinitySelectsNothingRule()), Is.EqualTo(new[] { "KL2011@13:30" }));
    }

    [Test]
    public void Does_not_judge_namespaces_the_input_has_no_pods_of_or_label_namespace_selectors()
    {
        var listed = RequiredAffinityToCache + "\n              namespaces: [kube-system]";
        Assert.That(RuleRunner.Summaries(Deployment("web", listed), new AffinitySelectsNothingRule()), Is.Empty);
        var labelled = RequiredAffinityToCache + "\n              namespaceSelector: {matchLabels: {team: data}}";
        Assert.That(RuleRunner.Summaries(Deployment("web", labelled), new AffinitySelectsNothingRule()), Is.Empty);
    }
}
