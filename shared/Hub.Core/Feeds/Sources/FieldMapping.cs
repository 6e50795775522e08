using System.Text.Json.Serialization;
using Hub.Core.Kernel;

namespace Hub.Core.Feeds.Sources;

/// <summary>One column of a departmental export and the Hub attribute it feeds.</summary>
public sealed record FieldMapping
{
    /// <summary>The column header as the department exports it, e.g. <c>身份证号码</c>.</summary>
    public required string Column { get; init; }

    /// <summary>Other headers the same column has been seen under.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The Hub attribute, camelCase, e.g. <c>residentId</c>.</summary>
    public required string Attribute { get; init; }

    /// <summary>How the value is normalised and validated.</summary>
    public FieldType Type { get; init; } = FieldType.Text;

    /// <summary>Whether a record without a value is rejected.</summary>
    public bool Required { get; init; }

    /// <summary>For <see cref="FieldType.Code"/>: the name of the code list in <see cref="SourceMapping.CodeLists"/>.</summary>
    public string? CodeList { get; init; }

    /// <summary>Sensitivity level of the attribute.</summary>
    public Sensitivity Sensitivity { get; init; } = Sensitivity.L1;

    /// <summary>Sharing type of the attribute.</summary>
    public SharingType Sharing { get; init; } = SharingType.Unconditional;

    /// <summary>The header and its aliases.</summary>
    [JsonIgnore]
    public IEnumerable<string> Headers => Aliases.Prepend(Column);
}
