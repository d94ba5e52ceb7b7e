using KubeLint.Analyzer.Cel;

namespace KubeLint.Analyzer.Tests.Cel;

/// <summary>
/// The Kubernetes CEL libraries function by function, each with a rule that holds and one that fails, and the
/// server's run-time errors word for word (cases from apiserver pkg/cel/library/*_test.go and cel-go ext tests).
/// </summary>
public sealed class CelLibraryTests
{
    private static readonly Dictionary<string, object?> Self = new(StringComparer.Ordinal)
    {
        ["name"] = "web-1",
        ["endpoint"] = "https://user@example.com:8443/a%20b/c?x=1&x=2&y=#top",
        ["ports"] = new object?[] { 80L, 443L },
        ["empty"] = string.Empty,
    };

    [TestCase("url('https://example.com:80/path?query=val').getScheme() == 'https'")]
    [TestCase("url(self.endpoint).getHost() == 'example.com:8443'")]
    [TestCase("url(self.endpoint).getHostname() == 'example.com'")]
    [TestCase("url('https://[::1]:80/').getHostname() == '::1'")]
    [TestCase("url(self.endpoint).getPort() == '8443'")]
    [TestCase("url('https://example.com').getPort() == ''")]
    [TestCase("url(self.endpoint).getEscapedPath() == '/a%20b/c'")]
    [TestCase("url('/absolute/path').getEscapedPath() == '/absolute/path'")]
    [TestCase("url(self.endpoint).getQuery()['x'] == ['1', '2']")]
    [TestCase("url(self.endpoint).getQuery()['y'] == ['']")]
    [TestCase("isURL('https://example.com/')")]
    [TestCase("!isURL('example.com')")]
    [TestCase("!isURL('')")]
    [TestCase("isURL('/relative-is-not-a-request-uri') && !isURL('relative')")]
    [TestCase("'abc 123'.find('[0-9]+') == '123'")]
    [TestCase("'abc'.find('[0-9]+') == ''")]
    [TestCase("'aaa'.find('a|aa') == 'a'")]
    [TestCase("'123 abc 456'.findAll('[0-9]+') == ['123', '456']")]
    [TestCase("'123 abc 456'.findAll('[0-9]+', 1) == ['123']")]
    [TestCase("'abc'.findAll('x*') == ['', '', '', '']")]
    [TestCase("'abc'.findAll('[0-9]+') == []")]
    [TestCase("self.name.matches('^[a-z]+-[0-9]$')")]
    [TestCase("ip('192.168.0.1').family() == 4 && ip('2001:db8::1').family() == 6")]
    [TestCase("isIP('10.0.0.1') && !isIP('10.0.0.01') && !isIP('fe80::1%eth0') && !isIP('::ffff:1.2.3.4')")]
    [TestCase("ip.isCanonical('2001:db8::1') && !ip.isCanonical('2001:DB8::1') && !ip.isCanonical('2001:db8:0:0:0:0:0:1')")]
    [TestCase("ip('0.0.0.0').isUnspecified() && !ip('10.0.0.1').isUnspecified()")]
    [TestCase("ip('127.0.0.1').isLoopback() && ip('::1').isLoopback() && !ip('10.0.0.1').isLoopback()")]
    [TestCase("ip('224.0.0.1').isLinkLocalMulticast() && ip('ff02::1').isLinkLocalMulticast() && !ip('224.0.1.1').isLinkLocalMulticast()")]
    [TestCase("ip('169.254.1.1').isLinkLocalUnicast() && ip('fe80::1').isLinkLocalUnicast() && !ip('10.0.0.1').isLinkLocalUnicast()")]
    [TestCase("ip('10.0.0.1').isGlobalUnicast() && !ip('255.255.255.255').isGlobalUnicast() && !ip('ff00::1').isGlobalUnicast()")]
    [TestCase("string(ip('2001:0db8:0000::1')) == '2001:db8::1'")]
    [TestCase("cidr('192.168.0.0/24').containsIP(ip('192.168.0.1')) && !cidr('192.168.0.0/24').containsIP('192.168.1.1')")]
    [TestCase("cidr('192.168.0.0/24').containsCIDR(cidr('192.168.0.0/25')) && !cidr('192.168.0.0/24').containsCIDR('192.168.0.0/23')")]
    [TestCase("cidr('2001:db8::/32').containsCIDR('2001:db8::/33') && !cidr('2001:db8::/32').containsIP('2001:dc8::1')")]
    [TestCase("!cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16')")]
    [TestCase("string(cidr('192.168.0.1/24').ip()) == '192.168.0.1'")]
    [TestCase("cidr('192.168.0.1/24').prefixLength() == 24")]
    [TestCase("string(cidr('192.168.0.1/24').masked()) == '192.168.0.0/24'")]
    [TestCase("isCIDR('10.0.0.0/8') && !isCIDR('10.0.0.0') && !isCIDR('10.0.0.0/33') && !isCIDR('10.0.0.0/08') && !isCIDR('::ffff:1.2.3.4/120')")]
    [TestCase("string(cidr('2001:db8::1/64')) == '2001:db8::1/64'")]
    [TestCase("!format.dns1123Label().validate(self.name).hasValue()")]
    [TestCase("format.dns1123Label().validate('Web_1').hasValue()")]
    [TestCase("!format.dns1123LabelPrefix().validate('web-').hasValue() && format.dns1123Label().validate('web-').hasValue()")]
    [TestCase("!format.named('dns1123Subdomain').value().validate('a.b.c').hasValue()")]
    [TestCase("!format.named('noSuchFormat').hasValue()")]
    [TestCase("format.dns1035Label().validate('1abc').hasValue() && !format.dns1035Label().validate('abc').hasValue()")]
    [TestCase("!format.qualifiedName().validate('example.com/name').hasValue() && format.qualifiedName().validate('-x').hasValue()")]
    [TestCase("!format.labelValue().validate('').hasValue() && format.labelValue().validate('-x').hasValue()")]
    [TestCase("!format.uri().validate('https://example.com').hasValue() && format.uri().validate('example').hasValue()")]
    [TestCase("!format.uuid().validate('123e4567-e89b-12d3-a456-426614174000').hasValue() && format.uuid().validate('123').hasValue()")]
    [TestCase("!format.byte().validate('aGVsbG8=').hasValue() && format.byte().validate('aGVsbG8').hasValue()")]
    [TestCase("!format.date().validate('2024-02-29').hasValue() && format.date().validate('2023-02-29').hasValue()")]
    [TestCase("!format.datetime().validate('2024-01-31T23:59:59Z').hasValue() && format.datetime().validate('2024-01-31T24:00:00Z').hasValue()")]
    [TestCase("format.dns1123Label().validate('Web').value() == ['a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \\'-\\', and must start and end with an alphanumeric character (e.g. \\'my-name\\',  or \\'123-abc\\', regex used for validation is \\'[a-z0-9]([-a-z0-9]*[a-z0-9])?\\')']")]
    [TestCase("sets.contains([1, 2, 3], [3, 1]) && !sets.contains([1, 2], [3])")]
    [TestCase("sets.contains([1, 2.0], [2]) && sets.contains([], [])")]
    [TestCase("sets.equivalent([1, 2, 2], [2, 1]) && !sets.equivalent([1], [1, 2])")]
    [TestCase("sets.intersects(self.ports, [443, 8443]) && !sets.intersects([1], [])")]
    [TestCase("optional.of(self.name).hasValue() && !optional.none().hasValue()")]
    [TestCase("optional.of(self.name).value() == 'web-1'")]
    [TestCase("optional.none().orValue('x') == 'x' && optional.of('y').orValue('x') == 'y'")]
    [TestCase("optional.none().or(optional.of(2)).value() == 2")]
    [TestCase("!optional.ofNonZeroValue(self.empty).hasValue() && optional.ofNonZeroValue(self.ports).hasValue()")]
    [TestCase("strings.quote('a\"b\\n') == '\"a\\\\\"b\\\\n\"'")]
    [TestCase("self.ports.indexOf(443) == 1 && [1.0, 2.0].indexOf(2) == 1")]
    public void A_rule_that_holds_passes(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(CelOutcome.Passed));

    [TestCase("url(self.endpoint).getHostname() == 'example.org'")]
    [TestCase("isURL('example.com')")]
    [TestCase("'abc 123'.find('[0-9]+') == '1'")]
    [TestCase("ip('10.0.0.1').family() == 6")]
    [TestCase("ip.isCanonical('::0')")]
    [TestCase("cidr('10.0.0.0/8').containsIP('11.0.0.1')")]
    [TestCase("format.dns1123Label().validate(self.name).hasValue()")]
    [TestCase("sets.equivalent([1], [2])")]
    [TestCase("optional.none().hasValue()")]
    public void A_rule_that_does_not_hold_fails(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self).Kind, Is.EqualTo(CelOutcomeKind.Failed));

    [TestCase("url('example.com') != null", "URL parse error during conversion from string: parse \"example.com\": invalid URI for request")]
    [TestCase("url('https://exa mple.com/').getHost() == ''", "URL parse error during conversion from string: parse \"https://exa mple.com/\": invalid character \" \" in host name")]
    [TestCase("url('http://[::1/').getHost() == ''", "URL parse error during conversion from string: parse \"http://[::1/\": missing ']' in host")]
    [TestCase("url('http://example.com:8x/').getHost() == ''", "URL parse error during conversion from string: parse \"http://example.com:8x/\": invalid port \":8x\" after host")]
    [TestCase("url('http://example.com/%zz').getHost() == ''", "URL parse error during conversion from string: parse \"http://example.com/%zz\": invalid URL escape \"%zz\"")]
    [TestCase("ip('1.2.3').family() == 4", "IP Address \"1.2.3\" parse error during conversion from string: ParseAddr(\"1.2.3\"): IPv4 address too short")]
    [TestCase("ip('01.2.3.4').family() == 4", "IP Address \"01.2.3.4\" parse error during conversion from string: ParseAddr(\"01.2.3.4\"): IPv4 field has octet with leading zero")]
    [TestCase("ip('1.2.3.4x').family() == 4", "IP Address \"1.2.3.4x\" parse error during conversion from string: ParseAddr(\"1.2.3.4x\"): unexpected character (at \"x\")")]
    [TestCase("ip('2001:db8::g').family() == 6", "IP Address \"2001:db8::g\" parse error during conversion from string: ParseAddr(\"2001:db8::g\"): each colon-separated field must have at least one digit (at \"g\")")]
    [TestCase("ip('nope').family() == 4", "IP Address \"nope\" parse error during conversion from string: ParseAddr(\"nope\"): unable to parse IP")]
    [TestCase("ip('fe80::1%eth0').family() == 6", "IP address \"fe80::1%eth0\" with zone value is not allowed")]
    [TestCase("ip('::ffff:1.2.3.4').family() == 6", "IPv4-mapped IPv6 address \"::ffff:1.2.3.4\" is not allowed")]
    [TestCase("ip.isCanonical('1.2.3')", "IP Address \"1.2.3\" parse error during conversion from string: ParseAddr(\"1.2.3\"): IPv4 address too short")]
    [TestCase("cidr('10.0.0.0').prefixLength() == 8", "network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix(\"10.0.0.0\"): no '/'")]
    [TestCase("cidr('10.0.0.0/33').prefixLength() == 8", "network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix(\"10.0.0.0/33\"): prefix length out of range")]
    [TestCase("cidr('10.0.0.0/08').prefixLength() == 8", "network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix(\"10.0.0.0/08\"): bad bits after slash: \"08\"")]
    [TestCase("cidr('1.2.3/8').prefixLength() == 8", "network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix(\"1.2.3/8\"): ParseAddr(\"1.2.3\"): IPv4 address too short")]
    [TestCase("cidr('::ffff:1.2.3.4/120').prefixLength() == 120", "network address parse error during conversion from string: IPv4-mapped IPv6 address \"::ffff:1.2.3.4/120\" is not allowed")]
    [TestCase("cidr('10.0.0.0/8').containsIP('10.0.0') ", "IP Address \"10.0.0\" parse error during conversion from string: ParseAddr(\"10.0.0\"): IPv4 address too short")]
    [TestCase("'abc'.find('(') == ''", "Illegal regex: error parsing regexp: missing closing ): `(`")]
    [TestCase("'abc'.findAll('[a') == []", "Illegal regex: error parsing regexp: missing closing ]: `[a`")]
    [TestCase("optional.none().value() == 1", "optional.none() dereference")]
    public void A_library_error_is_the_servers_run_time_error(string rule, string message)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(new CelOutcome(CelOutcomeKind.RuntimeError, message)));

    // Optional syntax (cel-go parser EnableOptionalSyntax, types/optional.go), on from 1.28.
    [TestCase("self.?name.orValue('') == 'web-1'")]
    [TestCase("self.?missing.orValue('none') == 'none'")]
    [TestCase("!self.?missing.hasValue()")]
    [TestCase("self.ports[?1].value() == 443 && !self.ports[?5].hasValue()")]
    [TestCase("[?optional.none(), 1, ?optional.of(2)] == [1, 2]")]
    [TestCase("{?'a': optional.none(), 'b': 2} == {'b': 2}")]
    public void Optional_syntax_holds(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(CelOutcome.Passed));

    [TestCase("self.?name.orValue('') == 'web-2'")]
    [TestCase("self.ports[?0].orValue(0) == 443")]
    public void Optional_syntax_fails(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self).Kind, Is.EqualTo(CelOutcomeKind.Failed));

    // Equality of the Kubernetes types (traits.Equaler of apiserver pkg/cel: Quantity.Equal, IP and CIDR netip equality, URL text).
    [TestCase("quantity('1') == quantity('1000m') && quantity('1Gi') != quantity('1G')")]
    [TestCase("ip('2001:db8::1') == ip('2001:db8:0:0:0:0:0:1') && ip('10.0.0.1') != ip('10.0.0.2')")]
    [TestCase("cidr('10.0.0.0/8') == cidr('10.0.0.0/8') && cidr('10.0.0.1/8') != cidr('10.0.0.0/8')")]
    [TestCase("url('https://example.com/a') == url('https://example.com/a') && url('https://example.com/a') != url('https://example.com/b')")]
    [TestCase("[quantity('1')] == [quantity('1000m')] && quantity('2') in [quantity('1'), quantity('2000m')]")]
    public void Kubernetes_types_compare_by_value(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(CelOutcome.Passed));

    // Two-variable comprehensions (cel-go ext/comprehensions.go): index or key, then value.
    [TestCase("self.ports.all(i, v, v > i)")]
    [TestCase("self.ports.exists(i, v, i == 1 && v == 443)")]
    [TestCase("self.ports.existsOne(i, v, v > 100) && self.ports.exists_one(i, v, i == 0)")]
    [TestCase("self.ports.transformList(i, v, v + i) == [80, 444]")]
    [TestCase("self.ports.transformList(i, v, i > 0, v) == [443]")]
    [TestCase("self.ports.transformMap(i, v, v * 2) == {0: 160, 1: 886}")]
    [TestCase("{'a': 'x', 'b': 'y'}.all(k, v, k < v)")]
    [TestCase("{'a': 'x'}.transformMapEntry(k, v, {v: k}) == {'x': 'a'}")]
    public void Two_variable_comprehensions_hold(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(CelOutcome.Passed));

    [Test]
    public void Two_variable_comprehensions_wait_for_their_version()
        => Assert.Multiple(() =>
        {
            Assert.That(CelEngine.Evaluate("self.ports.all(i, v, v > i)", Self, 32), Is.EqualTo(new CelOutcome(CelOutcomeKind.NotEvaluated, "two-variable comprehensions are available to CRD rules from Kubernetes 1.33")));
            Assert.That(CelEngine.Evaluate("self.ports.all(i, v, v > i)", Self, 33), Is.EqualTo(CelOutcome.Passed));
        });

    [Test]
    public void The_authorizer_is_not_there_in_crd_rules()
        => Assert.That(CelEngine.Evaluate("authorizer.group('apps').resource('deployments').check('get').allowed()", Self), Is.EqualTo(new CelOutcome(CelOutcomeKind.NotEvaluated, "the authz library's authorizer is bound only where a request's user is known (admission policies), not in CRD rules")));

    [Test]
    public void A_field_named_authorizer_is_read()
        => Assert.That(CelEngine.Evaluate("self.?authorizer.orValue(0) == 0", Self), Is.EqualTo(CelOutcome.Passed));

    [Test]
    public void A_map_entry_transform_with_a_repeated_key_is_the_servers_error()
        => Assert.That(CelEngine.Evaluate("{'a': 'x', 'b': 'x'}.transformMapEntry(k, v, {v: k}).size() == 1", Self), Is.EqualTo(new CelOutcome(CelOutcomeKind.RuntimeError, "insert failed: key x already exists")));

    // The quantity library (apiserver pkg/cel/library/quantity.go, its quantity_test.go cases) on resource.Quantity's
    // representation: an int64Amount{value, scale} or an exact inf.Dec (apimachinery api/resource quantity.go, amount.go).
    [TestCase("quantity('200M') == quantity('0.2G') && quantity('0.2G') == quantity('200M')")]
    [TestCase("quantity('50k').add(quantity('20')) == quantity('50.02k')")]
    [TestCase("!quantity('50k').add(20).isLessThan(quantity('50020'))")]
    [TestCase("quantity('50k').sub(quantity('20')) == quantity('49.98k') && quantity('50k').sub(20) == quantity('49980')")]
    [TestCase("quantity('50k').add(20).sub(quantity('100k')).asInteger() == -49980")]
    [TestCase("quantity('50k').add(20).sub(quantity('100k')).sub(-50000).asInteger() == 20")]
    [TestCase("quantity('50k').asInteger() == 50000 && quantity('50').isInteger()")]
    [TestCase("!quantity('9999999999999999999999999999999999999G').isInteger()")]
    [TestCase("quantity('50.703k').asApproximateFloat() == 50703.0")]
    [TestCase("quantity('1e400').isGreaterThan(quantity('9e399')) && quantity('1e400').compareTo(quantity('10e399')) == 0")]
    [TestCase("quantity('1e-400') == quantity('1n') && quantity('1e-400').isGreaterThan(quantity('0'))")]
    [TestCase("quantity('8Ei') == quantity('9Ei') && quantity('8Ei').isGreaterThan(quantity('7Ei'))")]
    [TestCase("quantity('1Ti').isInteger() && !quantity('1Pi').isInteger() && !quantity('1000m').isInteger() && quantity('1k').isInteger()")]
    [TestCase("quantity('999999999999999999').asInteger() == 999999999999999999 && !quantity('9223372036854775807').isInteger()")]
    [TestCase("!quantity('9e18').add(quantity('9e18')).isInteger() && quantity('9e18').add(quantity('9e18')) == quantity('18e18')")]
    [TestCase("quantity('900000000000000000').add(9000000000000000000) == quantity('9.9e18')")]
    [TestCase("quantity('1e400').asApproximateFloat() > 1.7e308 && quantity('1000m').asApproximateFloat() == 1.0")]
    [TestCase("quantity('1e-400').asApproximateFloat() == 0.000000001 && quantity('0.1').asApproximateFloat() == 0.1")]
    [TestCase("sign(quantity('-1e400')) == -1 && sign(quantity('0')) == 0 && sign(quantity('1n')) == 1")]
    [TestCase("[quantity('1')] == [quantity('5').add(1)]")]
    [TestCase("!(quantity('1') in [quantity('0').add(1)])")]
    public void Quantities_compute_as_resource_quantity(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(CelOutcome.Passed));

    [TestCase("quantity('10Mo') == quantity('1')", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")]
    [TestCase("quantity(' 1') == quantity('1')", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")]
    [TestCase("quantity('10Mm') == quantity('1')", "unable to parse quantity's suffix")]
    [TestCase("quantity('9999999999999999999999999999999999999G').asInteger() == 0", "cannot convert value to integer")]
    [TestCase("quantity('1Pi').asInteger() == 1125899906842624", "cannot convert value to integer")]
    [TestCase("quantity('1e19').asInteger() == 0", "cannot convert value to integer")]
    [TestCase("quantity('1').add(1) == quantity('1').add(1)", "no such overload")]
    [TestCase("quantity('2') == quantity('1').add(1)", "no such overload")]
    public void A_quantity_error_is_the_servers_run_time_error(string rule, string message)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(new CelOutcome(CelOutcomeKind.RuntimeError, message)));

    // The list macros (cel-go parser/macro.go, MakeMap with two or three arguments, MakeFilter); over a map, its keys.
    [TestCase("[1, 2, 3, 4].map(x, x % 2 == 0, x * 10) == [20, 40]")]
    [TestCase("self.ports.map(p, p > 100, string(p)) == ['443']")]
    [TestCase("{'a': 1, 'b': 2}.map(k, k != 'a', k + '!') == ['b!']")]
    [TestCase("[1, 2].map(x, x > 5, x) == []")]
    [TestCase("[1, 2, 3].all(y, [1, 2, 3].map(x, x > y, x).size() == 3 - y)")]
    [TestCase("[[1, 2], [3]].map(l, l.size() > 1, l.map(x, x > 1, x)) == [[2]]")]
    [TestCase("[0, 1].map(x, x > 0, 10 / x) == [10]")]
    [TestCase("{'a': 1}.map(k, k) == ['a']")]
    [TestCase("{'a': 1}.filter(k, k == 'a') == ['a']")]
    [TestCase("{'a': 1, 'b': 2}.filter(k, k == 'b').map(k, k + k) == ['bb']")]
    public void The_filtering_map_macro_holds(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(CelOutcome.Passed));

    [Test]
    public void The_filtering_map_macro_fails()
        => Assert.That(CelEngine.Evaluate("self.ports.map(p, p < 100, p) == [443]", Self).Kind, Is.EqualTo(CelOutcomeKind.Failed));

    // cel-go's comprehension goes on after an error: a later filter error replaces the result, a transform error stays.
    [TestCase("[0, 1].map(x, 10 / x > 1, x) == []", "division by zero")]
    [TestCase("[0, 1].map(x, x == 0 ? 1 / x > 0 : 1 % (x - 1) == 0, x) == []", "modulus by zero")]
    [TestCase("[0, 1].map(x, x == 1 ? 1 % 0 == 0 : true, 1 / x) == []", "modulus by zero")]
    [TestCase("[0, 1, 2].map(x, true, x == 0 ? 1 / x : 1 % 0) == []", "division by zero")]
    [TestCase("[{'a': 1}, {'b': 2}].map(m, m.a > 0, m) == []", "no such key: a")]
    [TestCase("[{'a': 1}].map(m, true, m.b) == []", "no such key: b")]
    [TestCase("[0, 1].filter(x, x == 0 ? 1 / x > 0 : 1 % (x - 1) == 0) == []", "modulus by zero")]
    [TestCase("[0, 1].map(x, x == 0 ? 1 / x : 1 % (x - 1)) == []", "division by zero")]
    public void A_filtering_map_error_is_the_one_cel_go_returns(string rule, string message)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(new CelOutcome(CelOutcomeKind.RuntimeError, message)));

    // string.format (cel-go ext/formatting.go with the en_US locale; expectations from its formatting_test.go).
    [TestCase("'%s and %d'.format(['str', 5]) == 'str and 5'")]
    [TestCase("'%%%s%%'.format(['text']) == '%text%'")]
    [TestCase("'%.3f'.format([1.2345]) == '1.234'")]
    [TestCase("'%f'.format([2.71828]) == '2.718280'")]
    [TestCase("'%.2f'.format([1234.5]) == '1,234.50'")]
    [TestCase("'%e'.format([2.71828]) == '2.718280\u202f\u00d7\u202f10\u2070\u2070'")]
    [TestCase("'%f %f'.format(['NaN', 'Infinity']) == 'NaN \u221e'")]
    [TestCase("'%b %b %b'.format([5, -5, true]) == '101 -101 1'")]
    [TestCase("'%o %o'.format([11, -11]) == '13 -13'")]
    [TestCase("'%x %X %x'.format([30, 30, -30]) == '1e 1E -1e'")]
    [TestCase("'%x'.format(['Hello world!']) == '48656c6c6f20776f726c6421'")]
    [TestCase("'%s'.format([[1, 'a', 2.71, null]]) == '[1, \"a\", 2.710000, null]'")]
    [TestCase("'%s'.format([{'key2': true, 'key1': 1}]) == '{\"key1\":1, \"key2\":true}'")]
    [TestCase("'%s %s'.format([0.000000002, true]) == '2e-09 true'")]
    public void String_format_prints_as_cel_go(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(CelOutcome.Passed));

    [TestCase("'%d %d %d'.format([0, 1]) == ''", "index 2 out of range")]
    [TestCase("'%a'.format([1]) == ''", "could not parse formatting clause: unrecognized formatting clause \"a\"")]
    [TestCase("'string is %b'.format(['abc']) == ''", "error during formatting: only integers and bools can be formatted as binary, was given string")]
    [TestCase("'%x'.format([0.5]) == ''", "error during formatting: only integers, byte buffers, and strings can be formatted as hex, was given double")]
    [TestCase("'null: %d'.format([null]) == ''", "error during formatting: decimal clause can only be used on integers, was given null_type")]
    public void A_string_format_error_is_the_servers_run_time_error(string rule, string message)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(new CelOutcome(CelOutcomeKind.RuntimeError, message)));

    // Integer overflow is an error value (cel-go common/types/overflow.go through int.go and uint.go), err.go's words.
    [TestCase("9223372036854775807 + 1 == 0", "integer overflow")]
    [TestCase("-9223372036854775808 - 1 == 0", "integer overflow")]
    [TestCase("4611686018427387904 * 2 == 0", "integer overflow")]
    [TestCase("-9223372036854775808 / -1 == 0", "integer overflow")]
    [TestCase("-9223372036854775808 % -1 == 0", "integer overflow")]
    [TestCase("-(-9223372036854775808) == 0", "integer overflow")]
    [TestCase("-self.ports.sum() * 4611686018427387904 < 0", "integer overflow")]
    [TestCase("0u - 1u == 0u", "unsigned integer overflow")]
    [TestCase("18446744073709551615u + 1u == 0u", "unsigned integer overflow")]
    [TestCase("9223372036854775808u * 2u == 0u", "unsigned integer overflow")]
    public void Integer_overflow_is_the_servers_run_time_error(string rule, string message)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(new CelOutcome(CelOutcomeKind.RuntimeError, message)));

    [TestCase("9223372036854775806 + 1 == 9223372036854775807")]
    [TestCase("-9223372036854775807 - 1 == -9223372036854775808")]
    [TestCase("-9223372036854775808 / 1 == -9223372036854775808 && -9223372036854775808 % 1 == 0")]
    [TestCase("-(-9223372036854775807) == 9223372036854775807 && --1 == 1 && -(2 * 3) == -6")]
    [TestCase("18446744073709551614u + 1u == 18446744073709551615u && 1u - 1u == 0u")]
    [TestCase("'a' + 'b' == 'ab' && [1] + [2] == [1, 2] && 1.5 * 2.0 - 0.5 == 2.5 && 7 / 2 == 3 && 7 % 2 == 1")]
    [TestCase("9223372036854775807 + 1 > 0 || true")]
    public void Arithmetic_that_does_not_overflow_holds(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(CelOutcome.Passed));

    // all, exists and exists_one as cel-go evaluates their comprehensions (parser/macro.go makeQuantifier;
    // interpreter evalAnd, evalOr, conditionalAttribute): an error is masked by a deciding element.
    [TestCase("[0, -1].all(x, 10 / x > 0)")]
    [TestCase("[-1, 0].all(x, 10 / x > 0)")]
    [TestCase("[{'b': 1}, {'a': -1}].all(m, m.a > 0)")]
    [TestCase("{'a': 0, 'b': 1}.all(k, k == 'a' ? 1 / 0 > 0 : false)")]
    [TestCase("[1, 20].exists(x, 10 / x > 50)")]
    [TestCase("[1, 2, 3].exists_one(x, x > 1)")]
    public void A_quantifier_that_is_decided_false_fails(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self).Kind, Is.EqualTo(CelOutcomeKind.Failed));

    [TestCase("[0, 1].exists(x, 10 / x > 5)")]
    [TestCase("[{'b': 1}, {'a': 1}].exists(m, m.a == 1)")]
    [TestCase("[1, 2].all(x, x > 0) && [].all(x, 1 / 0 > 0) && ![].exists(x, true)")]
    [TestCase("[1, 2, 3].exists_one(x, x > 2) && !{'a': 1, 'b': 2}.exists_one(k, k != '')")]
    public void A_quantifier_that_is_decided_true_passes(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(CelOutcome.Passed));

    [TestCase("[0, 1].all(x, 10 / x > 0)", "division by zero")]
    [TestCase("[{'b': 1}, {'a': 0, 'c': 1}].all(m, m.c / m.a > 0)", "no such key: c")]
    [TestCase("[0, 20].exists(x, 10 / x > 5)", "division by zero")]
    [TestCase("[{'a': 0, 'c': 1}, {'b': 1}].exists(m, m.c / m.a > 0)", "division by zero")]
    [TestCase("[0, 1, 20].exists_one(x, 10 / x > 5)", "division by zero")]
    [TestCase("[0, 1].exists_one(x, x == 0 ? 1 / x > 0 : 1 % (x - 1) == 0)", "modulus by zero")]
    public void An_undecided_quantifier_is_its_error(string rule, string message)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(new CelOutcome(CelOutcomeKind.RuntimeError, message)));

    // || and && (cel-go interpreter evalOr, evalAnd): a deciding term masks an error on either side; else the first error.
    [TestCase("self.missing > 0 || true")]
    [TestCase("true || self.missing > 0")]
    [TestCase("self.missing > 0 || 1 / 0 > 0 || self.name == 'web-1'")]
    [TestCase("!(self.missing > 0 && false) && !(1 % 0 == 0 && self.ports[0] == 0)")]
    [TestCase("self.name == 'web-1' && (self.ports[0] == 81 || self.ports[1] == 443) && !has(self.missing)")]
    public void A_logical_operator_decided_by_one_term_masks_the_others_errors(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(CelOutcome.Passed));

    [TestCase("1 / 0 > 0 || self.missing > 0", "division by zero")]
    [TestCase("self.missing > 0 || 1 / 0 > 0 || false", "no such key: missing")]
    [TestCase("true && self.missing > 0 && 1 % 0 == 0", "no such key: missing")]
    [TestCase("self.name || false", "no such overload")]
    public void An_undecided_logical_operator_is_its_first_error(string rule, string message)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(new CelOutcome(CelOutcomeKind.RuntimeError, message)));

    [Test]
    public void Two_variable_quantifiers_mask_errors_as_one_variable_ones_do()
        => Assert.Multiple(() =>
        {
            Assert.That(CelEngine.Evaluate("[0, -1].all(i, v, 10 / v > 0)", Self, 33).Kind, Is.EqualTo(CelOutcomeKind.Failed));
            Assert.That(CelEngine.Evaluate("[0, 1].all(i, v, 10 / v > 0)", Self, 33), Is.EqualTo(new CelOutcome(CelOutcomeKind.RuntimeError, "division by zero")));
        });

    // The quantity library's call styles (quantity.go quantityLibraryDecls): sign is a global function in 1.32.
    [TestCase("quantity('1').sign() == 1", "found no matching overload for 'sign' applied to a receiver: the quantity library declares sign as a global function only, so the server does not compile the rule")]
    [TestCase("isInteger(quantity('1'))", "found no matching overload for 'isInteger' without a receiver: the quantity library declares isInteger as a method of Quantity only, so the server does not compile the rule")]
    [TestCase("'1'.isQuantity()", "found no matching overload for 'isQuantity' applied to a receiver: the quantity library declares isQuantity as a global function only, so the server does not compile the rule")]
    public void A_quantity_call_in_the_wrong_style_does_not_compile(string rule, string message)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(new CelOutcome(CelOutcomeKind.NotEvaluated, message)));

    // The other libraries' call styles: regex.go, lists.go and urls.go declare methods and global functions apart,
    // as cel-go's standard declarations and ext/strings.go do.
    [TestCase("find('abc', 'b') == 'b'", "found no matching overload for 'find' without a receiver: the regex library declares find as a method of string only, so the server does not compile the rule")]
    [TestCase("size(findAll('abc', '[a-c]')) == 3", "found no matching overload for 'findAll' without a receiver: the regex library declares findAll as a method of string only, so the server does not compile the rule")]
    [TestCase("isSorted([1, 2])", "found no matching overload for 'isSorted' without a receiver: the lists library declares isSorted as a method of list only, so the server does not compile the rule")]
    [TestCase("'https://example.com'.isURL()", "found no matching overload for 'isURL' applied to a receiver: the URL library declares isURL as a global function only, so the server does not compile the rule")]
    [TestCase("contains('abc', 'b')", "found no matching overload for 'contains' without a receiver: the standard library declares contains as a method of string only, so the server does not compile the rule")]
    [TestCase("lowerAscii('ABC') == 'abc'", "found no matching overload for 'lowerAscii' without a receiver: the strings library declares lowerAscii as a method of string only, so the server does not compile the rule")]
    public void A_library_call_in_the_wrong_style_does_not_compile(string rule, string message)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(new CelOutcome(CelOutcomeKind.NotEvaluated, message)));

    [TestCase("'abc'.find('b') == 'b' && 'abc'.findAll('[a-c]').size() == 3")]
    [TestCase("[1, 2].isSorted() && url('https://example.com').getHost() == 'example.com' && isURL('https://example.com')")]
    [TestCase("'abc'.contains('b') && 'ABC'.lowerAscii() == 'abc' && sets.contains([1, 2], [1])")]
    [TestCase("ip.isCanonical('127.0.0.1') && cidr('10.0.0.0/8').ip() == ip('10.0.0.0') && string(ip('10.0.0.1')) == '10.0.0.1'")]
    [TestCase("size('ab') == 2 && 'ab'.size() == 2 && matches('ab', 'a') && 'ab'.matches('a')")]
    public void Library_calls_in_their_declared_style_are_evaluated(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(CelOutcome.Passed));

    // string.format's %s of durations and timestamps (ext/formatting.go FormatString, clauseForType for list members).
    [TestCase("'%s'.format([duration('1h30m')]) == '5400s'")]
    [TestCase("'%s'.format([duration('1.5s')]) == '1.5s'")]
    [TestCase("'%s'.format([duration('100ms')]) == '0.1s'")]
    [TestCase("'%s'.format([duration('1ns')]) == '0.000000001s'")]
    [TestCase("'%s'.format([duration('-90m')]) == '-5400s'")]
    [TestCase("'%s'.format([duration('0s')]) == '0s'")]
    [TestCase("'%s'.format([timestamp('2023-02-03T04:05:06Z')]) == '2023-02-03T04:05:06Z'")]
    [TestCase("'%s'.format([timestamp('2023-02-03T04:05:06.120Z')]) == '2023-02-03T04:05:06.12Z'")]
    [TestCase("'%s'.format([timestamp('2023-02-03T04:05:06.5+02:00')]) == '2023-02-03T04:05:06.5+02:00'")]
    [TestCase("'%s'.format([[duration('2s'), timestamp('2023-02-03T04:05:06Z')]]) == '[duration(\"2s\"), timestamp(\"2023-02-03T04:05:06Z\")]'")]
    [TestCase("'%s'.format([{'d': duration('1m')}]) == '{\"d\":duration(\"60s\")}'")]
    public void String_format_prints_durations_and_timestamps_as_cel_go(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(CelOutcome.Passed));

    [TestCase("'%d'.format([duration('1s')]) == ''", "error during formatting: decimal clause can only be used on integers, was given google.protobuf.Duration")]
    [TestCase("'%f'.format([timestamp('2023-02-03T04:05:06Z')]) == ''", "error during formatting: fixed-point clause can only be used on doubles, was given google.protobuf.Timestamp")]
    public void A_string_format_of_a_duration_or_timestamp_in_the_wrong_clause_is_the_servers_error(string rule, string message)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(new CelOutcome(CelOutcomeKind.RuntimeError, message)));

    // Type conversions as cel-go's ConvertToType with Go's parsers (strconv, time.ParseDuration) and checked casts.
    [TestCase("duration('+90m') == duration('90m') && duration('1µs') == duration('1us') && duration('1μs') == duration('1000ns')")]
    [TestCase("duration('.5h') == duration('30m') && duration('1.h') == duration('1h') && duration('0') == duration('0s') && duration('-0') == duration('0s')")]
    [TestCase("duration('1h1m1.5s') == duration('3661500ms') && duration('-1.5h') == duration('-90m')")]
    [TestCase("duration('2562047h') > duration('0s') && string(duration('1ns')) == '0.000000001s'")]
    [TestCase("int(duration('1ns')) == 1 && int(duration('-1.5s')) == -1500000000")]
    [TestCase("int(timestamp('2023-02-03T04:05:06Z') - timestamp('2023-02-03T04:05:05Z')) == 1000000000")]
    [TestCase("int('+12') == 12 && int('-9223372036854775808') == -9223372036854775807 - 1 && uint('18446744073709551615') == 18446744073709551615u")]
    [TestCase("int(1.9) == 1 && int(-1.9) == -1 && uint(2.5) == 2u && int(9223372036854775807u) == 9223372036854775807")]
    [TestCase("double('1e3') == 1000.0 && double('.5') == 0.5 && double('5.') == 5.0 && double('-Inf') < 0.0 && double('infinity') > 0.0")]
    [TestCase("double('1e-400') == 0.0 && double(3) == 3.0")]
    [TestCase("string(1e6) == '1e+06' && string(1234567.0) == '1.234567e+06' && string(100000.0) == '100000' && string(0.00001) == '1e-05' && string(1.5) == '1.5'")]
    [TestCase("string(12) == '12' && string(true) == 'true' && string(duration('1h')) == '3600s'")]
    [TestCase("bool('t') && bool('TRUE') && bool('1') && !bool('F') && !bool('False') && bool(true)")]
    public void Conversions_follow_go_parsers(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(CelOutcome.Passed));

    [TestCase("int(1e19) == 0", "integer overflow")]
    [TestCase("int(-9.3e18) == 0", "integer overflow")]
    [TestCase("int(18446744073709551615u) == 0", "integer overflow")]
    [TestCase("uint(-1) == 0u", "unsigned integer overflow")]
    [TestCase("uint(-0.5) == 0u", "unsigned integer overflow")]
    [TestCase("int(' 12') == 12", "type conversion error from 'string' to 'int'")]
    [TestCase("int('0x10') == 16", "type conversion error from 'string' to 'int'")]
    [TestCase("int('9223372036854775808') == 0", "type conversion error from 'string' to 'int'")]
    [TestCase("uint('+1') == 1u", "type conversion error from 'string' to 'uint'")]
    [TestCase("double('1e400') > 0.0", "type conversion error from 'string' to 'double'")]
    [TestCase("double('1_000') > 0.0", "type conversion error from 'string' to 'double'")]
    [TestCase("bool('yes')", "type conversion error from 'string' to 'bool'")]
    [TestCase("duration('1') > duration('0s')", "type conversion error from 'string' to 'google.protobuf.Duration'")]
    [TestCase("duration('') == duration('0s')", "type conversion error from 'string' to 'google.protobuf.Duration'")]
    [TestCase("duration('1h-1m') > duration('0s')", "type conversion error from 'string' to 'google.protobuf.Duration'")]
    [TestCase("duration('1d') > duration('0s')", "type conversion error from 'string' to 'google.protobuf.Duration'")]
    [TestCase("duration('2562048h') > duration('0s')", "type conversion error from 'string' to 'google.protobuf.Duration'")]
    public void A_conversion_go_refuses_is_the_servers_error(string rule, string message)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(new CelOutcome(CelOutcomeKind.RuntimeError, message)));

    [TestCase("!self.name.matches('[?]')")]
    [TestCase("self.name == '.?x' || true")]
    [TestCase("self.ports.size() == 2 ? true : false")]
    public void Question_marks_outside_the_optional_syntax_are_evaluated(string rule)
        => Assert.That(CelEngine.Evaluate(rule, Self), Is.EqualTo(CelOutcome.Passed));
}
