namespace Hub.Core.Kernel;

/// <summary>Sex as recorded on a resident identity number.</summary>
public enum Sex
{
    /// <summary>Male: odd sequence digit.</summary>
    Male = 1,

    /// <summary>Female: even sequence digit.</summary>
    Female = 2,
}
