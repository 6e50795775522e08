using System.Text.Json.Serialization;
using Hub.Core.Kernel;

namespace Hub.Functions.Persons;

/// <summary>
/// A person as the caller may see them: hidden attributes are absent, masked ones masked (<c>张*三</c>,
/// <c>110105********002X</c>, <c>138****5678</c>). <see cref="Hub.Core.Reads.PersonDisclosure"/> writes this shape; it is the answer's
/// description in the OpenAPI document, and the tests check every answer against it.
/// </summary>
/// <param name="PersonKey">The person.</param>
/// <param name="Provisional">True for a record kept without a usable ID number and matched to nobody yet.</param>
/// <param name="Attributes">Attribute name to value, as the policy renders each; hidden attributes are absent.</param>
/// <param name="Residence">Where the person lives, as far as the policy shows it.</param>
/// <param name="Registration">Where the person's household is registered (户籍地), as far as the policy shows it.</param>
/// <param name="Status">The person's status today: <c>active</c>, <c>deceased</c> or <c>movedOut</c> (<c>***</c> when masked); absent when no source states one, or hidden.</param>
/// <param name="StatusDate">The date of death or of the move out (<c>yyyy-MM-dd</c>), when the register gives it.</param>
/// <param name="Memberships">The person's special-group memberships the policy shows, masked ones as <c>***</c>.</param>
/// <param name="HouseholdKey">The household, for GET /api/persons/{personKey}/household.</param>
/// <param name="OwnDepartment">A department officer's own department's values where another source's value survived.</param>
/// <param name="BreakGlass">True when the answer was given under the caller's break-glass grant.</param>
internal sealed record RenderedPerson(
    PersonKey PersonKey,
    bool Provisional,
    IReadOnlyDictionary<string, string> Attributes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RenderedPlace? Residence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RenderedPlace? Registration,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StatusDate,
    IReadOnlyList<RenderedMembership> Memberships,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HouseholdKey? HouseholdKey,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? OwnDepartment,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool BreakGlass);
