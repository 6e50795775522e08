using Hub.Core.Access;
using Hub.Tests.Shared;

namespace Hub.Core.Tests.Access;

public sealed class AccessPolicyTests
{
    private static readonly Dictionary<string, string> DefaultRows = new(StringComparer.Ordinal)
    {
        [HubRoles.GridWorker] = """{ "l1": "shown", "l2": "masked", "l3": "masked", "l4": "hidden" }""",
        [HubRoles.CommunityWorker] = """{ "l1": "shown", "l2": "shown", "l3": "masked", "l4": "masked" }""",
        [HubRoles.StreetOfficer] = """{ "l1": "shown", "l2": "shown", "l3": "shown", "l4": "masked" }""",
        [HubRoles.DistrictOfficer] = """{ "l1": "shown", "l2": "masked", "l3": "shown", "l4": "masked" }""",
        [HubRoles.DepartmentOfficer] = """{ "l1": "shown", "l2": "masked", "l3": "masked", "l4": "hidden" }""",
        [HubRoles.DataSteward] = """{ "l1": "shown", "l2": "shown", "l3": "shown", "l4": "shown" }""",
        [HubRoles.Auditor] = """{ "l1": "hidden", "l2": "hidden", "l3": "hidden", "l4": "hidden" }""",
        [HubRoles.Administrator] = """{ "l1": "hidden", "l2": "hidden", "l3": "hidden", "l4": "hidden" }""",
    };

    private const string Purposes = """
        "purposes": [ { "id": "home-visit", "label": "入户走访" }, { "id": "emergency-assistance", "label": "应急救助" } ]
        """;

    [Fact]
    public void The_shipped_policy_is_valid_and_fits_the_shipped_sources()
    {
        var policy = ShippedPolicy.Load();

        Assert.Empty(AccessPolicy.Validate(policy));
        Assert.Empty(policy.CheckAgainst(ShippedPolicy.Catalogue()));
        Assert.Equal(TimeSpan.FromMinutes(30), policy.BreakGlass.Duration);
    }

    [Fact]
    public void The_shipped_policy_lists_purposes_with_chinese_labels()
    {
        var policy = ShippedPolicy.Load();

        Assert.True(policy.TryGetPurpose("home-visit", out var visit));
        Assert.Equal("入户走访", policy.LabelOf(visit.Value));
        Assert.True(policy.TryGetPurpose("benefit-review", out _));
        Assert.True(policy.TryGetPurpose("emergency-assistance", out _));
        Assert.False(policy.TryGetPurpose("curiosity", out _));
        Assert.False(policy.TryGetPurpose(null, out _));
    }

    [Fact]
    public void A_missing_role_is_named()
    {
        var error = Assert.Throws<InvalidDataException>(() => AccessPolicy.Parse(Policy(Rows((HubRoles.Administrator, null)))));

        Assert.Contains("roles.Hub.Administrator: is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_level_is_named()
    {
        var rows = Rows((HubRoles.StreetOfficer, """{ "l1": "shown", "l2": "shown", "l4": "masked" }"""));

        var error = Assert.Throws<InvalidDataException>(() => AccessPolicy.Parse(Policy(rows)));

        Assert.Contains("roles.Hub.StreetOfficer.l3: is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_administrator_given_person_data_is_refused()
    {
        var rows = Rows((HubRoles.Administrator, """{ "l1": "shown", "l2": "hidden", "l3": "hidden", "l4": "hidden" }"""));

        var error = Assert.Throws<InvalidDataException>(() => AccessPolicy.Parse(Policy(rows)));

        Assert.Contains("roles.Hub.Administrator.l1: must be hidden", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"conditionalWithoutPurpose\": \"shown\"", "conditionalWithoutPurpose")]
    [InlineData("\"breakGlass\": { \"duration\": \"00:00:10\", \"purpose\": \"home-visit\" }", "breakGlass.duration")]
    [InlineData("\"breakGlass\": { \"roles\": [\"Hub.Auditor\"] }", "breakGlass.roles")]
    [InlineData("\"breakGlass\": { \"purpose\": \"tea-break\" }", "breakGlass.purpose")]
    [InlineData("\"breakGlass\": { \"elevatesTo\": \"hidden\" }", "breakGlass.elevatesTo")]
    [InlineData("\"subjectRequests\": { \"roles\": [\"Hub.Administrator\"] }", "subjectRequests.roles: 'Hub.Administrator' may not handle")]
    [InlineData("\"subjectRequests\": { \"roles\": [\"Hub.StreetOfficer\"], \"reportPurpose\": \"curiosity\" }", "subjectRequests.reportPurpose: 'curiosity'")]
    [InlineData("\"roles2\": {}", "roles2")]
    public void A_wrong_setting_is_named(string setting, string key)
    {
        var rows = Rows();

        var error = Assert.Throws<InvalidDataException>(() => AccessPolicy.Parse(Policy(rows, setting)));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_purpose_listed_twice_or_without_label_is_named()
    {
        var rows = Rows();
        var json = "{ \"roles\": {" + rows + "}, \"purposes\": [ { \"id\": \"home-visit\", \"label\": \"\" }, { \"id\": \"home-visit\", \"label\": \"入户\" }, { \"id\": \"Emergency\", \"label\": \"应急\" } ] }";

        var error = Assert.Throws<InvalidDataException>(() => AccessPolicy.Parse(json));

        Assert.Contains("purposes[0].label", error.Message, StringComparison.Ordinal);
        Assert.Contains("purposes: 'home-visit' is listed twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("purposes[2].id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mask_for_an_attribute_no_source_maps_is_named()
    {
        var rows = Rows();
        var policy = AccessPolicy.Parse(Policy(rows, "\"masks\": { \"residenceAdress\": \"address\" }"));

        var problems = policy.CheckAgainst(ShippedPolicy.Catalogue());

        Assert.Equal(["masks.residenceAdress: no source maps attribute 'residenceAdress'"], problems);
    }

    [Fact]
    public void A_missing_file_names_the_setting()
    {
        var error = Assert.Throws<InvalidDataException>(() => AccessPolicy.Load(ShippedFiles.Beside("no-such-policy.json")));

        Assert.Contains("Hub:Access:PolicyPath", error.Message, StringComparison.Ordinal);
    }

    private static string Rows(params (string Role, string? Row)[] overrides)
    {
        var rows = new Dictionary<string, string?>(DefaultRows!, StringComparer.Ordinal);
        foreach (var (role, row) in overrides)
        {
            rows[role] = row;
        }

        return string.Join(", ", rows.Where(r => r.Value is not null).Select(r => $"\"{r.Key}\": {r.Value}"));
    }

    private static string Policy(string rows, string? extra = null) =>
        "{ \"roles\": {" + rows + "}, " + Purposes + (extra is null ? string.Empty : ", " + extra) + " }";
}
