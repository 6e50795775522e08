namespace Hub.Core.Access;

/// <summary>How a masked value is written; see <see cref="Masking"/>.</summary>
public enum MaskKind
{
    /// <summary>A person's name: first and last character kept (<c>张*三</c>).</summary>
    Name = 1,

    /// <summary>A resident ID number: first 6 and last 4 characters kept.</summary>
    ResidentId,

    /// <summary>A phone number: first 3 and last 4 digits kept (<c>138****5678</c>).</summary>
    Phone,

    /// <summary>An address: kept up to the community or street, the rest starred.</summary>
    Address,

    /// <summary>Anything else: replaced by <c>***</c>, which says a value exists and nothing about it.</summary>
    Full,
}
