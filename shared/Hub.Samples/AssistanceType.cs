namespace Hub.Samples;

/// <summary>Kinds of social assistance; each maps to a Hub code in the civil-affairs code list 救助类型.</summary>
public enum AssistanceType
{
    /// <summary>最低生活保障 (Hub code <c>dibao</c>).</summary>
    Dibao = 1,

    /// <summary>低收入 (Hub code <c>low-income</c>).</summary>
    LowIncome,

    /// <summary>特困供养 (Hub code <c>extreme-poverty</c>).</summary>
    ExtremePoverty,

    /// <summary>孤寡老人 (Hub code <c>elderly-alone</c>).</summary>
    ElderlyAlone,

    /// <summary>临时救助 (Hub code <c>temporary-assistance</c>).</summary>
    Temporary,
}