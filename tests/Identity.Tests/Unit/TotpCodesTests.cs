using Ecommerce.Identity.Security;
using OtpNet;

namespace Ecommerce.Identity.Tests.Unit;

public sealed class TotpCodesTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 10, TimeSpan.Zero);

    private static string CodeAt(byte[] secret, DateTimeOffset at) => new Totp(secret).ComputeTotp(at.UtcDateTime);

    [Fact]
    public void A_code_of_the_current_step_or_one_step_either_side_is_accepted_and_farther_ones_are_not()
    {
        var secret = TotpCodes.NewSecret();
        var step = Now.ToUnixTimeSeconds() / 30;

        Assert.Equal(step, TotpCodes.Verify(secret, CodeAt(secret, Now), Now, 0));
        Assert.Equal(step - 1, TotpCodes.Verify(secret, CodeAt(secret, Now.AddSeconds(-30)), Now, 0));
        Assert.Equal(step + 1, TotpCodes.Verify(secret, CodeAt(secret, Now.AddSeconds(30)), Now, 0));
        Assert.Null(TotpCodes.Verify(secret, CodeAt(secret, Now.AddSeconds(-60)), Now, 0));
        Assert.Null(TotpCodes.Verify(secret, CodeAt(secret, Now.AddSeconds(90)), Now, 0));
    }

    [Fact]
    public void A_step_already_accepted_or_an_earlier_one_is_never_accepted_again()
    {
        var secret = TotpCodes.NewSecret();
        var code = CodeAt(secret, Now);
        var step = TotpCodes.Verify(secret, code, Now, 0)!.Value;

        Assert.Null(TotpCodes.Verify(secret, code, Now, step));
        Assert.Null(TotpCodes.Verify(secret, CodeAt(secret, Now.AddSeconds(-30)), Now, step));
        Assert.Equal(step + 1, TotpCodes.Verify(secret, CodeAt(secret, Now.AddSeconds(30)), Now, step));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    public void Anything_but_six_digits_is_refused(string code) =>
        Assert.Null(TotpCodes.Verify(TotpCodes.NewSecret(), code, Now, 0));

    [Fact]
    public void The_otpauth_uri_names_issuer_account_and_parameters()
    {
        var secret = TotpCodes.NewSecret();
        var base32 = TotpCodes.Base32(secret);

        var uri = TotpCodes.OtpauthUri(base32, "ada+shop@example.com");

        Assert.Equal($"otpauth://totp/Ecommerce:ada%2Bshop%40example.com?secret={base32}&issuer=Ecommerce&digits=6&period=30", uri);
        Assert.Equal(secret, Base32Encoding.ToBytes(base32));
    }

    [Fact]
    public void Recovery_codes_are_ten_distinct_codes_matched_by_hash_whatever_the_case_or_dashes()
    {
        var codes = RecoveryCodes.Generate();
        var hashes = codes.Select(RecoveryCodes.Hash).ToList();

        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^[a-z2-9]{5}-[a-z2-9]{5}$", code));
        Assert.Equal(hashes[3], RecoveryCodes.Match(codes[3].ToUpperInvariant().Replace("-", " ", StringComparison.Ordinal), hashes));
        Assert.Null(RecoveryCodes.Match("aaaaa-aaaaa", hashes));
        Assert.DoesNotContain(hashes, hash => codes.Any(code => hash.Contains(code.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal)));
    }
}
