using static KubeLint.Analyzer.Tests.Validation.ValidationTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Storage;

public sealed class PersistentVolumeValidationTests
{
    private static string Volume(string capacity)
        => "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /data\n  capacity:\n" + capacity;

    [Test]
    public void Storage_capacity_alone_is_accepted()
        => Assert.That(Reported(Volume("    storage: 15Gi\n")), Is.Empty);

    [Test]
    public void Other_capacities_print_the_whole_resource_list()
        => Assert.That(Reported(Volume("    storage: 15Gi\n    cpu: 1\n")), Is.EqualTo(new[]
        {
            "KL1105@10:5 spec.capacity: Unsupported value: core.ResourceList{\"cpu\":resource.Quantity{i:resource.int64Amount{value:1, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:\"1\", Format:\"DecimalSI\"}, \"storage\":resource.Quantity{i:resource.int64Amount{value:16106127360, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:\"15Gi\", Format:\"BinarySI\"}}: supported values: \"storage\"",
        }));

    [Test]
    public void A_zero_capacity_prints_its_string_form()
        => Assert.That(Reported(Volume("    storage: \"0\"\n")), Is.EqualTo(new[] { "KL1106@10:14 spec.capacity[storage]: Invalid value: \"0\": must be greater than zero" }));
}
