namespace Ecommerce.TestSupport;

/// <summary>
/// Where the real Redis, PostgreSQL and RabbitMQ servers of the integration tests are, as exported
/// by <c>./test.sh</c> (see <c>scripts/ensure-infrastructure.sh</c>). A missing variable fails the
/// test with the way out: these tests never skip.
/// </summary>
public static class TestInfrastructure
{
    public static string RedisHost => Require("ECOMMERCE_REDIS_HOST");

    /// <summary>Key/value form: <c>host=127.0.0.1 port=5432 user=ecommerce password=... database=ecommerce</c>.</summary>
    public static string PostgresConnection => Require("ECOMMERCE_POSTGRES_CONNECTION");

    public static string RabbitMqUrl => Require("ECOMMERCE_RABBITMQ_URL");

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the tests with ./test.sh, or run scripts/ensure-infrastructure.sh and source the infrastructure.env it writes.");
}
