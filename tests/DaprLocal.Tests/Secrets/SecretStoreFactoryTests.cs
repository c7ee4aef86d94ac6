using Ecommerce.DaprLocal.Resources;
using Ecommerce.DaprLocal.Secrets;

namespace Ecommerce.DaprLocal.Tests.Secrets;

public sealed class SecretStoreFactoryTests
{
    [Theory]
    [InlineData("secretstores.local.file", true)]
    [InlineData("secretstores.local.env", true)]
    [InlineData("SecretStores.Local.Env", true)]
    [InlineData("secretstores.hashicorp.vault", false)]
    [InlineData("state.redis", false)]
    public void Knows_the_types_it_runs(string type, bool supported) =>
        Assert.Equal(supported, SecretStoreFactory.IsSupported(type));

    [Fact]
    public void Creates_the_store_of_each_type()
    {
        Assert.IsType<LocalFileSecretStore>(SecretStoreFactory.Create(SecretComponents.Definition("secretstores.local.file", ("secretsFile", "secrets.json"))));
        Assert.IsType<EnvSecretStore>(SecretStoreFactory.Create(SecretComponents.Definition("secretstores.local.env")));
    }

    [Fact]
    public void An_unsupported_type_is_refused_naming_it()
    {
        var error = Assert.Throws<ComponentConfigurationException>(() => SecretStoreFactory.Create(SecretComponents.Definition("secretstores.azure.keyvault")));

        Assert.Contains("secretstores.azure.keyvault", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_other_than_v1_is_refused()
    {
        var component = SecretComponents.Definition("secretstores.local.env") with { Version = "v2" };

        var error = Assert.Throws<ComponentConfigurationException>(() => SecretStoreFactory.Create(component));

        Assert.Contains("v2", error.Message, StringComparison.Ordinal);
    }
}
