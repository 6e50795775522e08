using Hub.Core.Feeds;
using Hub.Core.Feeds.Normalisation;
using Hub.Core.Feeds.Sources;
using Hub.Core.Identity.Keys;
using Hub.Core.Kernel;
using Hub.Core.Profiles;

namespace Hub.Core.Identity.Rotation;

/// <summary>
/// The key a stored person key becomes under the current pepper, worked out from what its facts hold exactly as a feed
/// works out the key of a record arriving now: the ID number's keyed hash, or, for a record kept without a usable ID,
/// the keyed hash of its source, name, birth date (or place) and record key. A fact counts only when the retired pepper
/// gives it the stored key, so a key already moved, or made under the current pepper, is never moved again.
/// </summary>
internal sealed class RotatedKeys(PersonKeyHasher current, PersonKeyHasher retired, SourceCatalog sources)
{
    /// <summary>The new key of <paramref name="stored"/>, from its facts; null when none of them was keyed with the retired pepper.</summary>
    public PersonKey? NewKeyOf(PersonKey stored, IEnumerable<FactView> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var fact in facts)
        {
            if (fact.Identified && ResidentId.TryParse(fact.Attributes.GetValueOrDefault("residentId"), out var parsed, out _) && parsed is { } id)
            {
                if (retired.Hash(id) == stored)
                {
                    return current.Hash(id);
                }
            }
            else if (sources.TryGet(fact.Source, out var mapping))
            {
                var record = new NormalisedRecord(0, null, fact.Discriminator, fact.Attributes);
                if (UnidentifiedIdentity.KeyOf(retired, mapping, record) == stored)
                {
                    return UnidentifiedIdentity.KeyOf(current, mapping, record);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The new key of a stored key that has no fact left to say whose it is (its records erased, its decisions kept): a
    /// keyed hash of the old key under the current pepper, stable across a resumed run and linking to nothing.
    /// </summary>
    public PersonKey NewKeyOfBare(PersonKey stored) => PersonKey.FromHash(current.KeyedHash(System.Text.Encoding.ASCII.GetBytes("rotated|" + stored.Value)));
}
