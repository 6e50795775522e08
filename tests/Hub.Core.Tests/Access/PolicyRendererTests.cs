using Hub.Core.Access;
using Hub.Core.Kernel;

namespace Hub.Core.Tests.Access;

public sealed class PolicyRendererTests
{
    private static readonly SourceId CivilAffairs = SourceId.Parse("civil-affairs");
    private static readonly SourceId Police = SourceId.Parse("police");

    private readonly PolicyRenderer _renderer = ShippedPolicy.Renderer();

    private readonly Dictionary<string, FieldValue> _person = new(StringComparer.Ordinal)
    {
        ["residentId"] = new("11010519491231002X", Police),
        ["name"] = new("张小三", Police),
        ["phone"] = new("13812345678", CivilAffairs),
        ["residenceAddress"] = new("北京市朝阳区和平街道安华里社区3号楼2单元501", Police),
        ["assistanceType"] = new("dibao", CivilAffairs),
        ["assistanceAmount"] = new("1200.50", CivilAffairs),
        ["residenceGrid"] = new("G03", CivilAffairs),
    };

    [Fact]
    public void Grid_worker_on_a_home_visit_sees_masked_contact_and_group_details_and_no_id_number()
    {
        var request = new AccessRequest(TestUsers.User(HubRoles.GridWorker, grid: "G03"), Purpose.Parse("home-visit"));

        var disclosure = _renderer.Render(request, _person);

        Assert.Equal("张小三", disclosure.Values["name"]);
        Assert.Equal("138****5678", disclosure.Values["phone"]);
        Assert.Equal("北京市朝阳区和平街道安华里社区****", disclosure.Values["residenceAddress"]);
        Assert.Equal("***", disclosure.Values["assistanceAmount"]);
        Assert.False(disclosure.Values.ContainsKey("residentId"));
    }

    [Fact]
    public void Without_a_purpose_conditional_attributes_are_left_out()
    {
        var request = new AccessRequest(TestUsers.User(HubRoles.StreetOfficer));

        var disclosure = _renderer.Render(request, _person);

        Assert.Equal(["name", "residenceGrid"], disclosure.Values.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Street_officer_sees_a_masked_id_number_for_a_purpose()
    {
        var request = new AccessRequest(TestUsers.User(HubRoles.StreetOfficer), Purpose.Parse("benefit-review"));

        var disclosure = _renderer.Render(request, _person);

        Assert.Equal("110105********002X", disclosure.Values["residentId"]);
        Assert.Equal("1200.50", disclosure.Values["assistanceAmount"]);
    }

    [Fact]
    public void The_disclosed_fields_say_which_were_masked_and_from_which_source()
    {
        var request = new AccessRequest(TestUsers.User(HubRoles.CommunityWorker), Purpose.Parse("home-visit"));

        var disclosure = _renderer.Render(request, _person);

        Assert.Equal(
            [
                new DisclosedField("assistanceAmount", CivilAffairs, Masked: true),
                new DisclosedField("assistanceType", CivilAffairs, Masked: true),
                new DisclosedField("name", Police, Masked: false),
                new DisclosedField("phone", CivilAffairs, Masked: false),
                new DisclosedField("residenceAddress", Police, Masked: false),
                new DisclosedField("residenceGrid", CivilAffairs, Masked: false),
                new DisclosedField("residentId", Police, Masked: true),
            ],
            disclosure.Fields);
        Assert.Equal(disclosure.Fields.Select(f => f.Attribute), disclosure.Values.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(HubRoles.Auditor)]
    [InlineData(HubRoles.Administrator)]
    public void Auditors_and_administrators_are_given_nothing_even_under_break_glass(string role)
    {
        var request = new AccessRequest(TestUsers.User(role), Purpose.Parse("emergency-assistance"), BreakGlass: true);

        var disclosure = _renderer.Render(request, _person);

        Assert.Empty(disclosure.Values);
        Assert.Empty(disclosure.Fields);
    }

    [Fact]
    public void A_civil_affairs_officer_sees_civil_affairs_facts_in_full_and_police_facts_per_policy()
    {
        var request = new AccessRequest(TestUsers.User(HubRoles.DepartmentOfficer, department: "civil-affairs"));

        var disclosure = _renderer.Render(request, _person);

        Assert.Equal("13812345678", disclosure.Values["phone"]);
        Assert.Equal("1200.50", disclosure.Values["assistanceAmount"]);
        Assert.Equal("张小三", disclosure.Values["name"]);
        Assert.False(disclosure.Values.ContainsKey("residentId"));
        Assert.False(disclosure.Values.ContainsKey("residenceAddress"));
    }

    [Fact]
    public void An_attribute_the_source_does_not_map_is_hidden()
    {
        var request = new AccessRequest(TestUsers.User(HubRoles.DataSteward), Purpose.Parse("data-correction"));
        var person = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            ["religion"] = new("unknown", Police),
            ["assistanceAmount"] = new("1200.50", Police),
        };

        var disclosure = _renderer.Render(request, person);

        Assert.Empty(disclosure.Values);
        Assert.Equal(FieldAccess.Hidden, _renderer.Decide(request, Police, "religion"));
    }

    [Fact]
    public void Break_glass_shows_a_grid_worker_contact_details_but_not_the_id_number()
    {
        var request = new AccessRequest(TestUsers.User(HubRoles.GridWorker, grid: "G03"), BreakGlass: true);

        var disclosure = _renderer.Render(request, _person);

        Assert.Equal("13812345678", disclosure.Values["phone"]);
        Assert.Equal("1200.50", disclosure.Values["assistanceAmount"]);
        Assert.False(disclosure.Values.ContainsKey("residentId"));
    }

    [Fact]
    public void A_disability_certificate_is_masked_like_an_id_number()
    {
        var request = new AccessRequest(TestUsers.User(HubRoles.CommunityWorker), Purpose.Parse("care-service"));
        var person = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            ["disabilityCertificate"] = new("11010519491231002X42", SourceId.Parse("disability-federation")),
        };

        var disclosure = _renderer.Render(request, person);

        Assert.Equal("110105**********2X42", disclosure.Values["disabilityCertificate"]);
    }
}
