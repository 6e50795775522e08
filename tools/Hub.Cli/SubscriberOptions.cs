using System.CommandLine;
using Hub.Core.Access;

namespace Hub.Cli;

/// <summary>
/// Who holds a subscription when no token is given: the development token minted for a street officer (default), a
/// district officer or a department officer, placed at <c>--division</c>, and a department officer's department.
/// </summary>
internal sealed class SubscriberOptions
{
    public const string DefaultDivision = "110105001000";

    public Option<string> Role { get; } = new("--role")
    {
        Description = "The development token's role when no token is given: street-officer, district-officer or department-officer",
        DefaultValueFactory = _ => "street-officer",
    };

    public Option<string> Division { get; } = new("--division")
    {
        Description = $"The development token's division (default {DefaultDivision}, a street)",
        DefaultValueFactory = _ => DefaultDivision,
    };

    public Option<string?> Department { get; } = new("--department")
    {
        Description = "A department officer's department (a source id, e.g. civil-affairs)",
    };

    public HubConnectionOptions Connection { get; } = new();

    public void AddTo(Command command)
    {
        // A validator sees no default values: an option left out reads as null there, hence the defaults below.
        Role.AcceptOnlyFromAmong("street-officer", "district-officer", "department-officer");
        command.Options.Add(Role);
        command.Options.Add(Division);
        command.Options.Add(Department);
        Connection.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Connection.Token) is null && Environment.GetEnvironmentVariable("HUB_TOKEN") is null
                && HubUser.Describe("hub-cli", [RoleOf(result.GetValue(Role))], result.GetValue(Division) ?? DefaultDivision, null, result.GetValue(Department), out _, out _, out _) is { } reason)
            {
                result.AddError($"The development subscriber would not be accepted: {reason}.");
            }
        });
    }

    public Task<HubClient> ConnectAsync(ParseResult parsed, CliContext context) =>
        Connection.ConnectAsync(parsed, RoleOf(parsed.GetValue(Role)), parsed.GetValue(Division)!, context, parsed.GetValue(Department));

    private static string RoleOf(string? role) => role switch
    {
        "district-officer" => HubRoles.DistrictOfficer,
        "department-officer" => HubRoles.DepartmentOfficer,
        _ => HubRoles.StreetOfficer,
    };
}
