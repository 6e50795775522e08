using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Core.Feeds.Sources;

namespace Hub.Core.Access;

/// <summary>
/// Who is given what of a person (DESIGN.md, core idea 5), loaded from a policy file: per role and sensitivity
/// level hidden, masked or shown; what a conditional-sharing attribute becomes without a declared purpose; the
/// purposes users may declare; how values are masked; and break-glass. Endpoints never filter on their own: they
/// ask <see cref="Decide"/> (or <see cref="PolicyRenderer"/>) and render what it allows.
/// </summary>
public sealed record AccessPolicy
{
    /// <summary>
    /// JSON settings of policy files: those of mapping files, and an unknown property is an error, so that a
    /// misspelt <c>conditionalWithoutPurpse</c> fails at start-up instead of silently keeping the default.
    /// </summary>
    public static readonly JsonSerializerOptions JsonOptions = new(SourceCatalog.JsonOptions)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Each personal role's access per sensitivity level; every role of <see cref="HubRoles.PersonalRoles"/> and every level must be given.</summary>
    public IReadOnlyDictionary<string, LevelAccess> Roles { get; init; } = new Dictionary<string, LevelAccess>();

    /// <summary>
    /// What a conditional-sharing attribute (有条件共享) becomes at most when no listed purpose is declared:
    /// <see cref="FieldAccess.Hidden"/> or <see cref="FieldAccess.Masked"/>.
    /// </summary>
    public FieldAccess ConditionalWithoutPurpose { get; init; } = FieldAccess.Hidden;

    /// <summary>The purposes users may declare, with their labels.</summary>
    public IReadOnlyList<PurposeDefinition> Purposes { get; init; } = [];

    /// <summary>How an attribute is masked when its field type does not say (addresses are text): attribute → mask.</summary>
    public IReadOnlyDictionary<string, MaskKind> Masks { get; init; } = new Dictionary<string, MaskKind>();

    /// <summary>Break-glass settings.</summary>
    public BreakGlassSettings BreakGlass { get; init; } = new();

    /// <summary>Who handles a resident's requests about their own data (report, correction), and under which purposes.</summary>
    public SubjectRequestSettings SubjectRequests { get; init; } = new();

    /// <summary>Who reads the departments' data-quality figures.</summary>
    public DataQualitySettings DataQuality { get; init; } = new();

    /// <summary>Reads and validates a policy file; errors name the file and the key.</summary>
    public static AccessPolicy Load(string file)
    {
        string json;
        try
        {
            json = File.ReadAllText(file);
        }
        catch (IOException ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidDataException($"The access policy file '{file}' ({AccessPolicyOptions.SectionName}:PolicyPath) does not exist.", ex);
        }

        return Parse(json, $"access policy file '{file}'");
    }

    /// <summary>Reads and validates a policy from JSON text; <paramref name="origin"/> names it in errors.</summary>
    public static AccessPolicy Parse(string json, string origin = "access policy document")
    {
        ArgumentNullException.ThrowIfNull(json);
        AccessPolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<AccessPolicy>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The {origin} is not valid: {ex.Message}", ex);
        }

        if (policy is null)
        {
            throw new InvalidDataException($"The {origin} is empty.");
        }

        var errors = Validate(policy);
        return errors.Count == 0 ? policy : throw new InvalidDataException($"The {origin} is invalid: {string.Join("; ", errors)}");
    }

    /// <summary>Lists what is wrong with <paramref name="policy"/>; each error starts with the key. Empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(AccessPolicy policy) => AccessPolicyValidator.Validate(policy);

    /// <summary>Lists the mask entries naming an attribute no source maps (a misspelling would never mask anything).</summary>
    public IReadOnlyList<string> CheckAgainst(FieldCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return [.. Masks.Keys.Where(a => !catalogue.Knows(a)).Select(a => $"masks.{a}: no source maps attribute '{a}'")];
    }

    /// <summary>Finds a listed purpose by id; an unlisted or malformed id is not a purpose.</summary>
    public bool TryGetPurpose(string? id, [NotNullWhen(true)] out Purpose? purpose)
    {
        purpose = null;
        return Purposes.Any(p => p.Id == id) && Purpose.TryParse(id, out purpose);
    }

    /// <summary>The label of a listed purpose.</summary>
    public string LabelOf(Purpose purpose) => Purposes.First(p => p.Id == purpose.Value).Label;

    /// <summary>
    /// What <paramref name="request"/>'s user is given of <paramref name="field"/>. The user's roles are tried one by
    /// one and the most generous answer wins:
    /// <list type="bullet">
    /// <item>auditors and administrators are given nothing, whatever the file says;</item>
    /// <item>a department officer is shown every attribute of their own department's source;</item>
    /// <item>a not-shared attribute (不予共享) is hidden from everyone else;</item>
    /// <item>otherwise the role × level entry, raised while a break-glass grant lasts (up to
    /// <see cref="BreakGlassSettings.UpToLevel"/>), and for a conditional attribute without a listed purpose capped at
    /// <see cref="ConditionalWithoutPurpose"/>. A break-glass look counts as declaring its purpose.</item>
    /// </list>
    /// </summary>
    public FieldAccess Decide(AccessRequest request, CataloguedField field)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(field);
        var purposeDeclared = request.Purpose is { } purpose && Purposes.Any(p => p.Id == purpose.Value);
        var best = FieldAccess.Hidden;
        foreach (var role in request.User.Roles)
        {
            if (HubRoles.WithoutPersonData.Contains(role) || !Roles.TryGetValue(role, out var row))
            {
                continue;
            }

            if (role == HubRoles.DepartmentOfficer && request.User.Department == field.Source)
            {
                return FieldAccess.Shown;
            }

            if (field.Sharing == SharingType.NotShared)
            {
                continue;
            }

            var access = row[field.Sensitivity] ?? FieldAccess.Hidden;
            var brokeGlass = request.BreakGlass && BreakGlass.Roles.Contains(role);
            if (brokeGlass && field.Sensitivity <= BreakGlass.UpToLevel && access < BreakGlass.ElevatesTo)
            {
                access = BreakGlass.ElevatesTo;
            }

            if (field.Sharing == SharingType.Conditional && !purposeDeclared && !brokeGlass && access > ConditionalWithoutPurpose)
            {
                access = ConditionalWithoutPurpose;
            }

            best = access > best ? access : best;
        }

        return best;
    }

    /// <summary>How <paramref name="field"/> is masked: the policy's <see cref="Masks"/> entry, else by field type.</summary>
    public MaskKind MaskOf(CataloguedField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Masks.TryGetValue(field.Attribute, out var mask) ? mask : field.Type switch
        {
            FieldType.Name => MaskKind.Name,
            FieldType.ResidentId => MaskKind.ResidentId,
            FieldType.Phone => MaskKind.Phone,
            _ => MaskKind.Full,
        };
    }
}
