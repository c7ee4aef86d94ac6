using System.Text.Json;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Bindings;

/// <summary>
/// <c>bindings.localstorage</c>: files under <c>rootPath</c> (relative to the working directory; created
/// when missing). Operations as daprd's:
/// <c>create</c> (metadata <c>fileName</c>, a new UUID when absent; data that is a Go/JSON string literal is
/// unquoted, then data that is valid standard base64 is decoded; answers <c>{"fileName": "&lt;relative path&gt;"}</c>),
/// <c>get</c> (the bytes), <c>list</c> (a JSON array of the absolute paths of the files below <c>rootPath</c>
/// or below the directory <c>fileName</c> names, <c>null</c> when there are none) and <c>delete</c>.
/// A <c>fileName</c> that is absolute, holds <c>..</c> or passes through a link leading outside
/// <c>rootPath</c> is refused (daprd instead confines such a path to <c>rootPath</c>).
/// </summary>
public sealed class LocalStorageOutputBinding : IOutputBinding
{
    private const string FileNameKey = "fileName";

    /// <summary>Roots daprd refuses: kernel and boot files, and Kubernetes' service account secrets.</summary>
    private static readonly string[] DisallowedRoots = ["/proc", "/sys", "/boot", "/var/run/secrets"];

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly ComponentDefinition _component;
    private readonly string _configuredRoot;
    private string? _root;

    public LocalStorageOutputBinding(ComponentDefinition component)
    {
        ArgumentNullException.ThrowIfNull(component);
        _component = component;
        _configuredRoot = component.Require("rootPath");
    }

    /// <summary>The absolute root, with links resolved; known once initialised.</summary>
    public string RootPath => _root ?? throw new InvalidOperationException("The binding is not initialised.");

    public IReadOnlyList<string> Operations { get; } = ["create", "get", "list", "delete"];

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        var root = ResolveRoot();
        try
        {
            Directory.CreateDirectory(root);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ComponentConfigurationException(_component, $"unable to create directory specified by 'rootPath' {root}: {error.Message}");
        }
        _root = root;
        return Task.CompletedTask;
    }

    public Task<BindingResponse> InvokeAsync(BindingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fileName = request.Metadata.TryGetValue(FileNameKey, out var name) ? name : "";
        return request.Operation switch
        {
            "create" => CreateAsync(fileName.Length > 0 ? fileName : Guid.NewGuid().ToString(), request.Data, cancellationToken),
            "get" => GetAsync(Required(fileName, "get"), cancellationToken),
            "list" => Task.FromResult(List(fileName)),
            "delete" => Task.FromResult(Delete(Required(fileName, "delete"))),
            _ => throw new BindingRequestException(
                $"binding {_component.Name} does not support operation {request.Operation}. supported operations: {string.Join(' ', Operations)}"),
        };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<BindingResponse> CreateAsync(string fileName, byte[] data, CancellationToken cancellationToken)
    {
        var path = Resolve(fileName, allowRoot: false);
        var content = Decode(data);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content, cancellationToken);
        var response = new Dictionary<string, string>(StringComparer.Ordinal) { [FileNameKey] = Path.GetRelativePath(RootPath, path) };
        return new BindingResponse(JsonSerializer.SerializeToUtf8Bytes(response), new Dictionary<string, string>());
    }

    private async Task<BindingResponse> GetAsync(string fileName, CancellationToken cancellationToken)
    {
        var path = Resolve(fileName, allowRoot: false);
        if (!File.Exists(path))
        {
            // daprd answers this as a failed invocation (500), not as a bad request.
            throw new FileNotFoundException($"file not found: {path}", path);
        }
        return new BindingResponse(await File.ReadAllBytesAsync(path, cancellationToken), new Dictionary<string, string>());
    }

    private BindingResponse List(string directoryName)
    {
        var path = Resolve(directoryName, allowRoot: true);
        if (!Directory.Exists(path))
        {
            throw File.Exists(path)
                ? new IOException($"unable to list files as the file specified is not a directory: {path}")
                : new DirectoryNotFoundException($"error getting stats for path {path}: no such file or directory");
        }
        var files = new List<string>();
        Walk(path, files);
        // Go marshals an empty (nil) list as null, and daprd answers that.
        return new BindingResponse(files.Count == 0 ? "null"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(files), new Dictionary<string, string>());
    }

    private BindingResponse Delete(string fileName)
    {
        var path = Resolve(fileName, allowRoot: false);
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
        {
            // Go's os.Remove, which daprd calls, also removes an empty directory.
            Directory.Delete(path, recursive: false);
        }
        else if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            File.Delete(path);
        }
        else
        {
            throw new FileNotFoundException($"error deleting file {path}: no such file or directory", path);
        }
        return BindingResponse.Empty;
    }

    private static string Required(string fileName, string operation) =>
        fileName.Length > 0 ? fileName : throw new BindingRequestException($"metadata '{FileNameKey}' is required for operation {operation}.");

    /// <summary>filepath.Walk's order: entries by name, directories entered where they sort, links not followed.</summary>
    private static void Walk(string directory, List<string> files)
    {
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(entry => entry.Name, StringComparer.Ordinal))
        {
            if (entry is DirectoryInfo && entry.LinkTarget is null)
            {
                Walk(entry.FullName, files);
            }
            else
            {
                files.Add(entry.FullName);
            }
        }
    }

    /// <summary>daprd first unquotes a Go string literal, then decodes standard base64 when the result is valid base64.</summary>
    private static byte[] Decode(byte[] data)
    {
        if (GoStringLiteral.TryUnquote(data, out var unquoted))
        {
            data = unquoted;
        }
        return TryDecodeBase64(data, out var decoded) ? decoded : data;
    }

    /// <summary>Go's base64.StdEncoding: padded, standard alphabet; only CR and LF are ignored.</summary>
    private static bool TryDecodeBase64(byte[] data, out byte[] decoded)
    {
        decoded = [];
        var text = new List<char>(data.Length);
        foreach (var b in data)
        {
            if (b is (byte)'\r' or (byte)'\n')
            {
                continue;
            }
            if (!(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'+' or (byte)'/' or (byte)'='))
            {
                return false;
            }
            text.Add((char)b);
        }
        if (text.Count % 4 != 0)
        {
            return false;
        }
        var buffer = new byte[text.Count / 4 * 3];
        if (!Convert.TryFromBase64Chars(text.ToArray(), buffer, out var written))
        {
            return false;
        }
        decoded = buffer[..written];
        return true;
    }

    /// <summary>The absolute path for <paramref name="fileName"/>, refusing any way out of the root.</summary>
    private string Resolve(string fileName, bool allowRoot)
    {
        var segments = fileName.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);
        if (Path.IsPathRooted(fileName) || segments.Contains(".."))
        {
            throw new BindingRequestException($"fileName '{fileName}' must be a relative path inside rootPath, without '..'.");
        }
        var path = Path.GetFullPath(Path.Join(RootPath, fileName));
        if (!IsInsideRoot(path, allowRoot))
        {
            throw new BindingRequestException($"fileName '{fileName}' is not a file inside rootPath.");
        }

        // A link below the root must not lead outside it.
        var current = RootPath;
        foreach (var segment in Path.GetRelativePath(RootPath, path).Split(Path.DirectorySeparatorChar))
        {
            if (segment is "." or "")
            {
                continue;
            }
            current = Path.Join(current, segment);
            if (new FileInfo(current).LinkTarget is null)
            {
                continue;
            }
            current = ResolveLinks(current);
            if (!IsInsideRoot(current, allowRoot: true))
            {
                throw new BindingRequestException($"fileName '{fileName}' leads through a link outside rootPath.");
            }
        }
        return path;
    }

    private bool IsInsideRoot(string path, bool allowRoot)
    {
        var root = Path.EndsInDirectorySeparator(RootPath) ? RootPath : RootPath + Path.DirectorySeparatorChar;
        return path.StartsWith(root, PathComparison) || (allowRoot && string.Equals(path, RootPath, PathComparison));
    }

    private string ResolveRoot()
    {
        var full = Path.GetFullPath(_configuredRoot);
        // Resolve links through the deepest part that exists, as daprd does before checking where the root is.
        var existing = full;
        while (!Path.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent;
        }
        if (File.Exists(existing))
        {
            throw new ComponentConfigurationException(_component, $"property rootPath {full} represents a file and not a directory.");
        }
        var root = Path.GetFullPath(Path.Join(ResolveLinks(existing), full[existing.Length..]));
        // Both spellings of each side: daprd compares only the resolved root with the literal list, which
        // misses /var/run/secrets where /var/run is a link to /run.
        var forbidden = DisallowedRoots.Concat(DisallowedRoots.Where(Path.Exists).Select(ResolveLinks)).ToArray();
        if (forbidden.Any(disallowed => IsWithin(root, disallowed) || IsWithin(full, disallowed)))
        {
            throw new ComponentConfigurationException(_component, $"property rootPath {full} points to a disallowed location.");
        }
        return root;
    }

    private static bool IsWithin(string path, string directory) =>
        string.Equals(path, directory, PathComparison) || path.StartsWith(directory + Path.DirectorySeparatorChar, PathComparison);

    /// <summary>
    /// <paramref name="path"/> with every link on the way resolved (what realpath gives), for a path that exists.
    /// A chain of more than 40 links is refused, as the kernel refuses it.
    /// </summary>
    private static string ResolveLinks(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "";
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = root;
        var links = 0;
        while (pending.TryPop(out var segment))
        {
            var next = Path.Join(current, segment);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++links > 40)
            {
                throw new IOException($"too many levels of links in {path}");
            }
            var targetPath = Path.GetFullPath(target, current);
            var targetRoot = Path.GetPathRoot(targetPath) ?? "";
            foreach (var part in targetPath[targetRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(part);
            }
            current = targetRoot;
        }
        return current;
    }
}
