using Hub.Core.Kernel;

namespace Hub.Core.Access;

/// <summary>
/// Renders a person's attributes for one look: asks the <see cref="AccessPolicy"/> about each, leaves out what is
/// hidden, masks what is masked, and accounts for every attribute given. An attribute its source's mapping does not
/// list is hidden: what the catalogue cannot classify is not shared.
/// </summary>
public sealed class PolicyRenderer(AccessPolicy policy, FieldCatalogue catalogue)
{
    /// <summary>What <paramref name="request"/> is given of <paramref name="attributes"/> (attribute → value and source).</summary>
    public Disclosure Render(AccessRequest request, IReadOnlyDictionary<string, FieldValue> attributes)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(attributes);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = new List<DisclosedField>();
        foreach (var (attribute, value) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!catalogue.TryGet(value.Source, attribute, out var field))
            {
                continue;
            }

            switch (policy.Decide(request, field))
            {
                case FieldAccess.Shown:
                    values[attribute] = value.Value;
                    fields.Add(new DisclosedField(attribute, value.Source, Masked: false));
                    break;
                case FieldAccess.Masked:
                    values[attribute] = Masking.Apply(policy.MaskOf(field), value.Value);
                    fields.Add(new DisclosedField(attribute, value.Source, Masked: true));
                    break;
                default:
                    break;
            }
        }

        return new Disclosure { Values = values, Fields = fields };
    }

    /// <summary>What <paramref name="request"/> is given of one attribute of one source; hidden when the catalogue does not list it.</summary>
    public FieldAccess Decide(AccessRequest request, SourceId source, string attribute) =>
        catalogue.TryGet(source, attribute, out var field) ? policy.Decide(request, field) : FieldAccess.Hidden;
}
