using Hub.Core.Access;

namespace Hub.Functions.WebConsole;

/// <summary>
/// The development sign-in's sample users. They sit where the sample population lives (朝阳区, 呼家楼街道, its eighth
/// community and grid G08), so every role has something to look at once `eng/run.sh` has loaded the sample feeds.
/// </summary>
internal static class SampleIdentities
{
    public static IReadOnlyList<SampleIdentity> All { get; } =
    [
        new("wang-street-officer", HubRoles.StreetOfficer, "110105003000", null, null, "王街道干部（呼家楼街道）", "Wang, street officer (Hujialou street)"),
        new("li-community-worker", HubRoles.CommunityWorker, "110105003008", null, null, "李社区工作者（呼家楼街道第八社区）", "Li, community worker (Hujialou, community 008)"),
        new("zhao-grid-worker", HubRoles.GridWorker, "110105003008", "G08", null, "赵网格员（第八社区 G08 网格）", "Zhao, grid worker (community 008, grid G08)"),
        new("qian-civil-affairs-officer", HubRoles.DepartmentOfficer, "110105000000", null, null, "钱民政局业务科长（朝阳区）", "Qian, civil affairs officer (Chaoyang district)", "civil-affairs"),
        new("chen-data-steward", HubRoles.DataSteward, "110100000000", null, null, "陈数据管理员（全市）", "Chen, data steward (city)"),
        new("sun-auditor", HubRoles.Auditor, "110100000000", null, null, "孙审计员（全市）", "Sun, auditor (city)"),
        new("zhou-administrator", HubRoles.Administrator, "110100000000", null, null, "周系统管理员（全市）", "Zhou, administrator (city)"),
        new("civil-affairs-integrator", HubRoles.FeedPublisher("civil-affairs"), null, null, "civil-affairs", "民政局对接人员（civil-affairs）", "Civil affairs integrator (civil-affairs)"),
        new("police-integrator", HubRoles.FeedPublisher("police"), null, null, "police", "公安局对接人员（police）", "Police integrator (police)"),
        new("disability-federation-integrator", HubRoles.FeedPublisher("disability-federation"), null, null, "disability-federation", "残联对接人员（disability-federation）", "Disability federation integrator (disability-federation)"),
        new("housing-security-integrator", HubRoles.FeedPublisher("housing-security"), null, null, "housing-security", "住房保障对接人员（housing-security）", "Housing security integrator (housing-security)"),
    ];

    /// <summary>A development token for <paramref name="identity"/>, valid for <paramref name="lifetime"/>.</summary>
    public static string Mint(SampleIdentity identity, TimeSpan lifetime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return identity.Source is null
            ? DevelopmentTokens.MintPersonal(identity.Id, [identity.Role], identity.Division!, identity.Grid, identity.Department, lifetime: lifetime, now: now)
            : DevelopmentTokens.Mint(identity.Id, [identity.Role], lifetime: lifetime, now: now);
    }
}
