using Hub.Core.Kernel;

namespace Hub.Functions.Audit;

/// <summary>
/// The audit account of one request, filled by its handler and written as one event by <see cref="AuditedEndpointFilter"/>
/// before the answer leaves: the persons touched, the attributes disclosed and whether masked, the purpose, the
/// break-glass reason and the count. Registered per request (and set as an <see cref="HttpContext"/> feature), so
/// handlers take it as a parameter. It holds person keys and attribute names only, never a value.
/// </summary>
internal sealed class AuditScope
{
    private readonly List<PersonKey> _persons = [];
    private readonly HashSet<PersonKey> _seen = [];
    private readonly SortedDictionary<string, bool> _fields = new(StringComparer.Ordinal);

    /// <summary>The persons the request touched, in the order touched, each once.</summary>
    public IReadOnlyList<PersonKey> PersonKeys => _persons;

    /// <summary>The attributes disclosed, by name; masked only when no value of it was given unmasked.</summary>
    public IReadOnlyList<Hub.Core.Audit.DisclosedField> Fields => _fields.Select(f => new Hub.Core.Audit.DisclosedField(f.Key, f.Value)).ToList();

    /// <summary>What the request was about beyond its route (a division, a source and batch, a claim); never personal data.</summary>
    public string? Resource { get; set; }

    /// <summary>The declared purpose.</summary>
    public string? Purpose { get; set; }

    /// <summary>The reason of the break-glass grant the request used or made; null when none.</summary>
    public string? BreakGlassReason { get; set; }

    /// <summary>How many records the answer held; when unset, the persons touched by a successful answer.</summary>
    public int? RecordCount { get; set; }

    /// <summary>True when the policy refused the request (out of jurisdiction), whatever status the answer carries.</summary>
    public bool IsDenied { get; private set; }

    /// <summary>True once the request's one event has been written, or tried: nothing writes a second.</summary>
    public bool IsRecorded { get; private set; }

    /// <summary>Claims the request's one event: true the first time, false when it was recorded (or tried) already.</summary>
    public bool TryClaimRecording()
    {
        if (IsRecorded)
        {
            return false;
        }

        IsRecorded = true;
        return true;
    }

    /// <summary>Records that the request touched <paramref name="person"/>.</summary>
    public void Touch(PersonKey person)
    {
        if (_seen.Add(person))
        {
            _persons.Add(person);
        }
    }

    /// <summary>Records that the request touched each of <paramref name="persons"/>.</summary>
    public void Touch(IEnumerable<PersonKey> persons)
    {
        ArgumentNullException.ThrowIfNull(persons);
        foreach (var person in persons)
        {
            Touch(person);
        }
    }

    /// <summary>Records the attributes an answer gave, as the renderer accounted for them.</summary>
    public void Disclose(IEnumerable<Hub.Core.Access.DisclosedField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            Disclose(field.Attribute, field.Masked);
        }
    }

    /// <summary>Records that attribute <paramref name="name"/> was given, masked or not.</summary>
    public void Disclose(string name, bool masked) =>
        _fields[name] = _fields.TryGetValue(name, out var before) ? before && masked : masked;

    /// <summary>Records that the policy refused the request, about <paramref name="person"/> when one was named.</summary>
    public void Deny(PersonKey? person = null)
    {
        IsDenied = true;
        if (person is { } key)
        {
            Touch(key);
        }
    }

    /// <summary>Records what a person read disclosed (see <see cref="Hub.Core.Reads.PersonDisclosure"/>).</summary>
    public void Record(Hub.Core.Reads.Disclosed disclosed)
    {
        ArgumentNullException.ThrowIfNull(disclosed);
        Touch(disclosed.Persons);
        foreach (var field in disclosed.Fields)
        {
            Disclose(field.Name, field.Masked);
        }

        if (disclosed.Denied)
        {
            Deny();
        }

        if (disclosed.BreakGlassReason is { } reason)
        {
            BreakGlassReason = reason;
            Purpose ??= disclosed.BreakGlassPurpose;
        }

        if (disclosed.RecordCount is { } count)
        {
            RecordCount = count;
        }
    }
}
