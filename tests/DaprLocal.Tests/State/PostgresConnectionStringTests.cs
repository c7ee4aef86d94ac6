using Ecommerce.DaprLocal.State;
using Npgsql;

namespace Ecommerce.DaprLocal.Tests.State;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void Libpq_key_value_form_converts_with_quoted_values_and_run_time_parameters()
    {
        var converted = Parse("host=db.local port = 6432 user=app password='p w\\'d' dbname=shop sslmode=verify-full search_path=tenant pool_max_conns=7 application_name=dapr");

        Assert.Equal(("db.local", 6432, "app", "p w'd", "shop"), (converted.Host, converted.Port, converted.Username, converted.Password, converted.Database));
        Assert.Equal(SslMode.VerifyFull, converted.SslMode);
        Assert.Equal((7, "dapr"), (converted.MaxPoolSize, converted.ApplicationName));
        Assert.Equal("-c search_path=tenant", converted.Options);
    }

    [Fact]
    public void The_database_key_is_accepted_as_pgx_accepts_it()
    {
        Assert.Equal("ecommerce", Parse("host=127.0.0.1 port=5432 user=ecommerce password=secret database=ecommerce").Database);
    }

    [Fact]
    public void Url_form_converts_with_percent_decoding_and_parameters()
    {
        var converted = Parse("postgres://app%40corp:p%3Ass@db.local:6432/shop%20db?sslmode=disable&connect_timeout=9");

        Assert.Equal(("db.local", 6432, "app@corp", "p:ss", "shop db"), (converted.Host, converted.Port, converted.Username, converted.Password, converted.Database));
        Assert.Equal((SslMode.Disable, 9), (converted.SslMode, converted.Timeout));
    }

    [Theory]
    [InlineData("postgresql://u@[::1]:5433/db", "::1", 5433)]
    [InlineData("postgres://u@db.local/db", "db.local", 5432)]
    [InlineData("postgres://u@a:5432,b:5433/db", "a:5432,b:5433", 5432)]
    public void Url_hosts_keep_their_ports(string url, string host, int port)
    {
        var converted = Parse(url);

        Assert.Equal((host, port), (converted.Host, converted.Port));
    }

    [Fact]
    public void Several_hosts_pair_with_their_ports()
    {
        Assert.Equal("a:5432,b:5433", Parse("host=a,b port=5432,5433").Host);
    }

    [Fact]
    public void Npgsql_form_passes_through()
    {
        var converted = Parse("Host=db.local;Port=6432;Username=app;Password=secret;Database=shop");

        Assert.Equal(("db.local", 6432, "app", "shop"), (converted.Host, converted.Port, converted.Username, converted.Database));
    }

    [Theory]
    [InlineData("host=a sslmode=sometimes")]
    [InlineData("host='unterminated")]
    [InlineData("postgres://h/db?novalue")]
    public void Unreadable_connection_strings_are_refused(string connectionString)
    {
        Assert.Throws<FormatException>(() => PostgresConnectionString.ToNpgsql(connectionString));
    }

    [Theory]
    [InlineData("host=db user=app", null)]
    [InlineData("host=db user=app pool_max_conns=7", 7)]
    [InlineData("postgres://app@db/shop?pool_max_conns=9", 9)]
    public void The_pool_is_as_small_as_pgx_makes_it_unless_the_connection_string_sizes_it(string connectionString, int? expected)
    {
        var builder = Parse(connectionString);

        PostgresConnectionString.ApplyPoolDefault(builder);

        Assert.Equal(expected ?? Math.Max(4, Environment.ProcessorCount), builder.MaxPoolSize);
    }

    private static NpgsqlConnectionStringBuilder Parse(string connectionString) => new(PostgresConnectionString.ToNpgsql(connectionString));
}
