namespace Hub.Core.Access;

/// <summary>
/// Who reads the departments' data-quality figures (counts and rates, never a person). A feed client always reads its
/// own source's; the roles listed here read their own department's (the <c>department</c> claim) or the whole city's.
/// </summary>
public sealed record DataQualitySettings
{
    /// <summary>Roles that read the figures of their own department's source.</summary>
    public IReadOnlyList<string> DepartmentRoles { get; init; } = [];

    /// <summary>Roles that read every department's figures.</summary>
    public IReadOnlyList<string> CityRoles { get; init; } = [];
}
