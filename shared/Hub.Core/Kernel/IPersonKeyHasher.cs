namespace Hub.Core.Kernel;

/// <summary>
/// Turns what identifies a record into its <see cref="PersonKey"/>. Feeds key the records they read through this, so
/// they need nothing of Identity; Identity's keyed hash with the configured pepper implements it.
/// </summary>
public interface IPersonKeyHasher
{
    /// <summary>Computes the person key of a validated ID number.</summary>
    PersonKey Hash(ResidentId id);

    /// <summary>
    /// The provisional key of a record kept without a usable ID number, from the source and what identifies the record
    /// there, so the same record pushed again keeps its key.
    /// </summary>
    /// <param name="source">The source that sent the record.</param>
    /// <param name="name">The record's name as normalised, if it has one.</param>
    /// <param name="birthDate">The record's birth date as normalised, if it has one.</param>
    /// <param name="discriminator">What tells the source's records of one person apart; empty when there is one.</param>
    PersonKey HashUnidentified(SourceId source, string? name, string? birthDate, string discriminator);
}
