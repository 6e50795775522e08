using System.Text.Json.Serialization;

namespace Hub.Core.Divisions;

/// <summary>
/// A division registry file as written: <c>version</c>, <c>divisions</c> and <c>grids</c>, every value a string, so
/// that a bad value becomes a finding with its key rather than a parse error.
/// </summary>
public sealed class DivisionRegistryDocument
{
    /// <summary>The version, e.g. <c>2026.1</c>: letters, digits, dots, hyphens and underscores.</summary>
    public string? Version { get; init; }

    /// <summary>Counties, streets and communities.</summary>
    public IReadOnlyList<Entry?>? Divisions { get; init; }

    /// <summary>The grids of the communities.</summary>
    public IReadOnlyList<GridEntry?>? Grids { get; init; }

    /// <summary>One division as written.</summary>
    public sealed class Entry
    {
        /// <summary>6 digits (county), 9 (street) or 12 (community).</summary>
        public string? Code { get; init; }

        /// <summary>The name.</summary>
        public string? Name { get; init; }

        /// <summary>The parent's code; absent for a county.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Parent { get; init; }

        /// <summary>First day in force, yyyy-MM-dd.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? ValidFrom { get; init; }

        /// <summary>Last day in force, yyyy-MM-dd; absent while in force.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? ValidTo { get; init; }

        /// <summary>The code that took it over.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Successor { get; init; }
    }

    /// <summary>One grid as written.</summary>
    public sealed class GridEntry
    {
        /// <summary>The community's 12-digit code.</summary>
        public string? Community { get; init; }

        /// <summary>The grid's code, e.g. <c>G03</c>.</summary>
        public string? Code { get; init; }

        /// <summary>The name.</summary>
        public string? Name { get; init; }
    }
}
