using Hub.Core.Kernel;

namespace Hub.Core.Reads;

/// <summary>The account one read keeps while it reads and renders, handed out as <see cref="Disclosed"/> at the end.</summary>
internal sealed class DisclosureLog
{
    private readonly List<PersonKey> _persons = [];
    private readonly HashSet<PersonKey> _seen = [];
    private readonly List<Audit.DisclosedField> _fields = [];

    public bool Denied { get; private set; }

    public string? BreakGlassReason { get; set; }

    public string? BreakGlassPurpose { get; set; }

    public int? RecordCount { get; set; }

    public void Touch(PersonKey person)
    {
        if (_seen.Add(person))
        {
            _persons.Add(person);
        }
    }

    public void Deny(PersonKey? person = null)
    {
        Denied = true;
        if (person is { } key)
        {
            Touch(key);
        }
    }

    /// <summary>Records the attributes a rendering gave, as the renderer accounted for them.</summary>
    public void Disclose(IEnumerable<Access.DisclosedField> fields) => _fields.AddRange(fields.Select(f => new Audit.DisclosedField(f.Attribute, f.Masked)));

    /// <summary>Records that <paramref name="attribute"/> was given, masked or not.</summary>
    public void Disclose(string attribute, bool masked) => _fields.Add(new Audit.DisclosedField(attribute, masked));

    public Disclosed ToDisclosed() => new([.. _persons], [.. _fields], Denied, BreakGlassReason, BreakGlassPurpose, RecordCount);

    public PersonRead<T> Answer<T>(T? value)
        where T : class => new(value, ToDisclosed());
}
