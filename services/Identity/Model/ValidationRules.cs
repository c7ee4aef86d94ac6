using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Ecommerce.Identity.Security;
using FluentValidation;

namespace Ecommerce.Identity.Model;

/// <summary>The formats shared by several requests.</summary>
public static partial class ValidationRules
{
    public const int MaxEmailLength = 254;
    public const int MaxTokenLength = 128;

    /// <summary>ISO 3166-1 alpha-2 officially assigned codes.</summary>
    private static readonly FrozenSet<string> Countries = (
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
        "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
        "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
        "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Trimmed and lower case (invariant): the one spelling of an email address stored and indexed.</summary>
    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    public static bool IsEmail(string? email) =>
        email is not null && email.Trim().Length <= MaxEmailLength && EmailPattern().IsMatch(email.Trim());

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Must(IsEmail).WithMessage("An email address such as 'ada@example.com'.");

    public static IRuleBuilderOptions<T, string> ValidToken<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(MaxTokenLength);

    /// <summary>The policy without the email (the handler checks the email part once it knows the account).</summary>
    public static IRuleBuilderOptions<T, string> ValidNewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.Custom((password, context) =>
        {
            if (PasswordPolicy.Check(password, null) is { } problem)
            {
                context.AddFailure(problem);
            }
        }).NotEmpty();

    public static IRuleBuilderOptions<T, string> ValidName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(100).Must(name => name.Trim().Length > 0).WithMessage("A name is 1 to 100 characters.");

    public static IRuleBuilderOptions<T, string?> ValidPhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(phone => phone is null || PhonePattern().IsMatch(phone))
            .WithMessage("A phone number is 6 to 20 digits, spaces, '(', ')' or '-', optionally after a '+'.");

    public static IRuleBuilderOptions<T, string> ValidCountry<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Must(country => Countries.Contains(country)).WithMessage("An ISO 3166-1 alpha-2 country code in upper case, e.g. 'DE'.");

    public static IRuleBuilderOptions<T, string> ValidPostalCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches(PostalCodePattern()).WithMessage("A postal code is 2 to 10 letters, digits, spaces or '-'.");

    public static IRuleBuilderOptions<T, string> ValidCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(32);

    [GeneratedRegex(@"^[^@\s|]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()-]{6,20}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$")]
    private static partial Regex PostalCodePattern();
}
