namespace Hub.Samples;

/// <summary>Disability categories (GB/T 26341); the numbers are the category digits of a certificate number.</summary>
public enum DisabilityCategory
{
    /// <summary>视力残疾.</summary>
    Visual = 1,

    /// <summary>听力残疾.</summary>
    Hearing,

    /// <summary>言语残疾.</summary>
    Speech,

    /// <summary>肢体残疾.</summary>
    Physical,

    /// <summary>智力残疾.</summary>
    Intellectual,

    /// <summary>精神残疾.</summary>
    Psychosocial,

    /// <summary>多重残疾.</summary>
    Multiple,
}