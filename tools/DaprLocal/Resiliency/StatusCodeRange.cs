namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>An inclusive range of status codes from a <c>matching</c> list, such as <c>500-599</c>.</summary>
public readonly record struct StatusCodeRange(int Start, int End)
{
    public bool Contains(int code) => Start <= code && code <= End;

    public override string ToString() => Start == End ? $"{Start}" : $"{Start}-{End}";
}
