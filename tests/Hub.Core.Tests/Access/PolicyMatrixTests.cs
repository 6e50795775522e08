using Hub.Core.Access;
using Hub.Core.Feeds.Sources;
using Hub.Core.Kernel;

namespace Hub.Core.Tests.Access;

/// <summary>
/// Walks the shipped policy's whole matrix: every role × level × sharing type, with and without a purpose, and
/// under break-glass, against the outcome the policy file documents, written out here independently of it.
/// </summary>
public sealed class PolicyMatrixTests
{
    private const FieldAccess H = FieldAccess.Hidden;
    private const FieldAccess M = FieldAccess.Masked;
    private const FieldAccess S = FieldAccess.Shown;

    // What policy/access.json says each role is given of l1..l4.
    private static readonly Dictionary<string, FieldAccess[]> Documented = new(StringComparer.Ordinal)
    {
        [HubRoles.GridWorker] = [S, M, M, H],
        [HubRoles.CommunityWorker] = [S, S, M, M],
        [HubRoles.StreetOfficer] = [S, S, S, M],
        [HubRoles.DistrictOfficer] = [S, M, S, M],
        [HubRoles.DepartmentOfficer] = [S, M, M, H],
        [HubRoles.DataSteward] = [S, S, S, S],
        [HubRoles.Auditor] = [H, H, H, H],
        [HubRoles.Administrator] = [H, H, H, H],
    };

    private static readonly string[] BreakGlassRoles = [HubRoles.GridWorker, HubRoles.CommunityWorker, HubRoles.StreetOfficer];

    private static readonly SourceId Police = SourceId.Parse("police");

    private readonly AccessPolicy _policy = ShippedPolicy.Load();

    public static TheoryData<string, Sensitivity, SharingType, bool> Matrix()
    {
        var data = new TheoryData<string, Sensitivity, SharingType, bool>();
        foreach (var role in HubRoles.PersonalRoles)
        {
            foreach (var level in Enum.GetValues<Sensitivity>())
            {
                foreach (var sharing in Enum.GetValues<SharingType>())
                {
                    data.Add(role, level, sharing, false);
                    data.Add(role, level, sharing, true);
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_policy_gives_every_role_an_answer_for_every_level()
    {
        foreach (var role in HubRoles.PersonalRoles)
        {
            Assert.True(_policy.Roles.ContainsKey(role), role);
            Assert.All(Enum.GetValues<Sensitivity>(), level => Assert.NotNull(_policy.Roles[role][level]));
        }
    }

    [Fact]
    public void Every_catalogued_field_is_at_a_level_the_policy_covers()
    {
        var fields = ShippedPolicy.Catalogue().All.ToList();

        Assert.NotEmpty(fields);
        Assert.All(fields, f => Assert.True(Enum.IsDefined(f.Sensitivity) && Enum.IsDefined(f.Sharing), $"{f.Source}/{f.Attribute}"));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_role_level_and_sharing_type_gets_the_documented_access(string role, Sensitivity level, SharingType sharing, bool withPurpose)
    {
        var request = new AccessRequest(TestUsers.User(role, department: role == HubRoles.DepartmentOfficer ? "civil-affairs" : null), withPurpose ? Purpose.Parse("home-visit") : null);

        var access = _policy.Decide(request, Field(level, sharing));

        Assert.Equal(Expected(role, level, sharing, withPurpose, breakGlass: false), access);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Break_glass_raises_only_the_allowed_roles_up_to_l3(string role, Sensitivity level, SharingType sharing, bool withPurpose)
    {
        var request = new AccessRequest(TestUsers.User(role, department: role == HubRoles.DepartmentOfficer ? "civil-affairs" : null), withPurpose ? Purpose.Parse("home-visit") : null, BreakGlass: true);

        var access = _policy.Decide(request, Field(level, sharing));

        Assert.Equal(Expected(role, level, sharing, withPurpose, breakGlass: true), access);
    }

    [Theory]
    [InlineData(Sensitivity.L1)]
    [InlineData(Sensitivity.L2)]
    [InlineData(Sensitivity.L3)]
    [InlineData(Sensitivity.L4)]
    public void A_department_officer_sees_every_fact_of_their_own_department_in_full(Sensitivity level)
    {
        var officer = new AccessRequest(TestUsers.User(HubRoles.DepartmentOfficer, department: "police"));

        Assert.All(Enum.GetValues<SharingType>(), sharing => Assert.Equal(S, _policy.Decide(officer, Field(level, sharing))));
    }

    [Fact]
    public void An_unlisted_purpose_counts_as_no_purpose()
    {
        var request = new AccessRequest(TestUsers.User(HubRoles.StreetOfficer), Purpose.Parse("curiosity"));

        Assert.Equal(H, _policy.Decide(request, Field(Sensitivity.L2, SharingType.Conditional)));
    }

    [Fact]
    public void A_user_with_two_roles_gets_the_more_generous_answer()
    {
        var user = TestUsers.User(HubRoles.DistrictOfficer) with
        {
            Roles = new HashSet<string>(StringComparer.Ordinal) { HubRoles.DistrictOfficer, HubRoles.Auditor },
        };

        Assert.Equal(M, _policy.Decide(new AccessRequest(user), Field(Sensitivity.L4, SharingType.Unconditional)));
    }

    [Fact]
    public void Conditional_fields_without_a_purpose_are_masked_when_the_policy_says_so()
    {
        var policy = _policy with { ConditionalWithoutPurpose = FieldAccess.Masked };
        var street = new AccessRequest(TestUsers.User(HubRoles.StreetOfficer));
        var grid = new AccessRequest(TestUsers.User(HubRoles.GridWorker, grid: "G03"));

        Assert.Equal(M, policy.Decide(street, Field(Sensitivity.L2, SharingType.Conditional)));
        Assert.Equal(H, policy.Decide(grid, Field(Sensitivity.L4, SharingType.Conditional)));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(29, true)]
    [InlineData(30, false)]
    [InlineData(-1, false)]
    public void A_break_glass_grant_lasts_thirty_minutes(int minutesLater, bool holds)
    {
        var declared = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal(holds, _policy.BreakGlass.Holds(declared, declared.AddMinutes(minutesLater)));
    }

    private static CataloguedField Field(Sensitivity level, SharingType sharing) => new(Police, "anyAttribute", level, sharing, FieldType.Text);

    private static FieldAccess Expected(string role, Sensitivity level, SharingType sharing, bool withPurpose, bool breakGlass)
    {
        if (role is HubRoles.Auditor or HubRoles.Administrator || sharing == SharingType.NotShared)
        {
            return H;
        }

        var access = Documented[role][(int)level - 1];
        var brokeGlass = breakGlass && BreakGlassRoles.Contains(role);
        if (brokeGlass && level <= Sensitivity.L3)
        {
            access = S;
        }

        return sharing == SharingType.Conditional && !withPurpose && !brokeGlass ? H : access;
    }
}
