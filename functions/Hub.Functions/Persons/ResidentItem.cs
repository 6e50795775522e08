using System.Text.Json.Serialization;

namespace Hub.Functions.Persons;

/// <summary>One resident of a list, as the caller may see them.</summary>
/// <param name="PersonKey">The person.</param>
/// <param name="Name">The name as the policy renders it (<c>张*三</c> when masked); absent when hidden.</param>
/// <param name="Community">The 12-digit code of the community the row places the person in.</param>
/// <param name="Grid">The grid within the community, when known.</param>
/// <param name="Places">Which of the person's places lie there: <c>residence</c>, <c>registration</c> or both.</param>
/// <param name="Groups">The special groups their sources state active on the list's day, as the policy renders them (<c>***</c> when masked); for a deceased person, what still runs.</param>
/// <param name="HouseholdKey">The household, for GET /api/persons/{personKey}/household.</param>
/// <param name="Provisional">True for records kept without a usable ID number and matched to nobody yet.</param>
/// <param name="Status">The person's status on the list's day: <c>active</c>, <c>deceased</c> or <c>movedOut</c> (<c>***</c> when masked); absent when no source states one, or hidden.</param>
/// <param name="StatusDate">The date of death or of the move out (<c>yyyy-MM-dd</c>), when the register gives it.</param>
/// <param name="CommunityName">The community's name from the division registry (光华里社区), when known.</param>
/// <param name="GridName">The grid's name (第三网格), when known.</param>
/// <param name="DivisionPath">The path from the district down: 朝阳区 / 建外街道 / 光华里社区 / 第三网格.</param>
internal sealed record ResidentItem(
    string PersonKey,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    string Community,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Grid,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Groups,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? HouseholdKey,
    bool Provisional,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StatusDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CommunityName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? GridName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DivisionPath);
