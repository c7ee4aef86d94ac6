using System.Text;
using System.Text.Json;
using Ecommerce.DaprLocal.Bindings;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Tests.Bindings;

public sealed class LocalStorageOutputBindingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("localstorage-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Create_get_list_and_delete_a_file()
    {
        await using var binding = await BindingAsync();

        var created = await InvokeAsync(binding, "create", "{\"sku\":\"A-1\"}", ("fileName", "orders/1.json"));
        Assert.Equal("""{"fileName":"orders/1.json"}""", Text(created));
        Assert.Equal("{\"sku\":\"A-1\"}", Text(await InvokeAsync(binding, "get", "", ("fileName", "orders/1.json"))));

        await InvokeAsync(binding, "create", "b", ("fileName", "a.txt"));
        Assert.Equal(
            [Path.Combine(binding.RootPath, "a.txt"), Path.Combine(binding.RootPath, "orders", "1.json")],
            JsonSerializer.Deserialize<string[]>(Text(await InvokeAsync(binding, "list", "")))!);
        Assert.Equal([Path.Combine(binding.RootPath, "orders", "1.json")],
            JsonSerializer.Deserialize<string[]>(Text(await InvokeAsync(binding, "list", "", ("fileName", "orders"))))!);

        var deleted = await InvokeAsync(binding, "delete", "", ("fileName", "orders/1.json"));
        Assert.Empty(deleted.Data);
        Assert.False(File.Exists(Path.Combine(binding.RootPath, "orders", "1.json")));
        await Assert.ThrowsAsync<FileNotFoundException>(() => InvokeAsync(binding, "get", "", ("fileName", "orders/1.json")));
        await Assert.ThrowsAsync<FileNotFoundException>(() => InvokeAsync(binding, "delete", "", ("fileName", "orders/1.json")));
    }

    [Fact]
    public async Task Without_a_file_name_create_makes_up_a_uuid()
    {
        await using var binding = await BindingAsync();

        var created = await InvokeAsync(binding, "create", "hello there");

        var fileName = JsonDocument.Parse(created.Data).RootElement.GetProperty("fileName").GetString()!;
        Assert.True(Guid.TryParseExact(fileName, "D", out _), fileName);
        Assert.Equal("hello there", await File.ReadAllTextAsync(Path.Combine(binding.RootPath, fileName)));
    }

    [Theory]
    [InlineData("\"quoted text\"", "quoted text")]
    [InlineData("\"aGVsbG8=\"", "hello")]
    [InlineData("aGVsbG8=", "hello")]
    [InlineData("{\"a\":1}", "{\"a\":1}")]
    public async Task Data_is_unquoted_then_base64_decoded_as_daprd_does(string data, string stored)
    {
        await using var binding = await BindingAsync();

        await InvokeAsync(binding, "create", data, ("fileName", "f"));

        Assert.Equal(stored, await File.ReadAllTextAsync(Path.Combine(binding.RootPath, "f")));
    }

    [Fact]
    public async Task Binary_data_is_written_as_is()
    {
        await using var binding = await BindingAsync();
        byte[] data = [0xFF, 0x00, 0x10, 0x80];

        await binding.InvokeAsync(BindingComponents.Request("create", data, ("fileName", "bin")), CancellationToken.None);

        Assert.Equal(data, (await binding.InvokeAsync(BindingComponents.Request("get", [], ("fileName", "bin")), CancellationToken.None)).Data);
    }

    [Fact]
    public async Task Listing_an_empty_root_answers_null_as_daprd_does()
    {
        await using var binding = await BindingAsync();

        Assert.Equal("null", Text(await InvokeAsync(binding, "list", "")));
    }

    [Theory]
    [InlineData("create", "../escape.txt")]
    [InlineData("create", "a/../../escape.txt")]
    [InlineData("create", "/tmp/escape.txt")]
    [InlineData("get", "../../etc/passwd")]
    [InlineData("get", "/etc/passwd")]
    [InlineData("delete", "../escape.txt")]
    [InlineData("list", "..")]
    public async Task Paths_out_of_the_root_are_refused(string operation, string fileName)
    {
        await using var binding = await BindingAsync();

        await Assert.ThrowsAsync<BindingRequestException>(() => InvokeAsync(binding, operation, "x", ("fileName", fileName)));

        Assert.False(File.Exists(Path.Combine(_directory, "escape.txt")));
    }

    [Fact]
    public async Task A_link_out_of_the_root_is_refused()
    {
        await using var binding = await BindingAsync();
        var outside = Directory.CreateDirectory(Path.Combine(_directory, "outside")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(binding.RootPath, "link"), outside);

        await Assert.ThrowsAsync<BindingRequestException>(() => InvokeAsync(binding, "create", "x", ("fileName", "link/escape.txt")));

        Assert.Empty(Directory.GetFiles(outside));
    }

    [Theory]
    [InlineData("get")]
    [InlineData("delete")]
    public async Task Get_and_delete_need_a_file_name(string operation)
    {
        await using var binding = await BindingAsync();

        await Assert.ThrowsAsync<BindingRequestException>(() => InvokeAsync(binding, operation, ""));
    }

    [Fact]
    public async Task Other_operations_are_refused()
    {
        await using var binding = await BindingAsync();

        var error = await Assert.ThrowsAsync<BindingRequestException>(() => InvokeAsync(binding, "append", "x", ("fileName", "f")));

        Assert.Contains("append", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_root_is_created_and_a_relative_root_resolves_against_the_working_directory()
    {
        var relative = $"localstorage-{Guid.NewGuid():N}";
        var binding = new LocalStorageOutputBinding(BindingComponents.Definition("bindings.localstorage", ("rootPath", relative)));
        try
        {
            await binding.InitializeAsync(CancellationToken.None);

            Assert.True(Directory.Exists(Path.Combine(Environment.CurrentDirectory, relative)));
            Assert.EndsWith(relative, binding.RootPath, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.Combine(Environment.CurrentDirectory, relative), recursive: true);
        }
    }

    [Theory]
    [InlineData("/proc/dapr")]
    [InlineData("/var/run/secrets/kubernetes.io")]
    public async Task Roots_daprd_forbids_are_refused(string root)
    {
        var binding = new LocalStorageOutputBinding(BindingComponents.Definition("bindings.localstorage", ("rootPath", root)));

        await Assert.ThrowsAsync<ComponentConfigurationException>(() => binding.InitializeAsync(CancellationToken.None));
    }

    [Fact]
    public void The_root_path_is_required() =>
        Assert.Throws<ComponentConfigurationException>(() => new LocalStorageOutputBinding(BindingComponents.Definition("bindings.localstorage")));

    private async Task<LocalStorageOutputBinding> BindingAsync()
    {
        var binding = new LocalStorageOutputBinding(BindingComponents.Definition("bindings.localstorage", ("rootPath", Path.Combine(_directory, "root", "files"))));
        await binding.InitializeAsync(CancellationToken.None);
        return binding;
    }

    private static Task<BindingResponse> InvokeAsync(LocalStorageOutputBinding binding, string operation, string data, params (string Key, string Value)[] metadata) =>
        binding.InvokeAsync(BindingComponents.Request(operation, Encoding.UTF8.GetBytes(data), metadata), CancellationToken.None);

    private static string Text(BindingResponse response) => Encoding.UTF8.GetString(response.Data);
}
