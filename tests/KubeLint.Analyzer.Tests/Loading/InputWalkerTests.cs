using System.Diagnostics;
using System.Net.Sockets;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;

namespace KubeLint.Analyzer.Tests.Loading;

/// <summary>Folders are walked as find -xtype f would; bad entries are findings at their path, never the end of the run.</summary>
public sealed class InputWalkerTests
{
    private const string Manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n";

    private string _root = string.Empty;

    [SetUp]
    public void CreateRoot()
    {
        _root = Path.Combine(Path.GetTempPath(), "kubelint-walk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "sub"));
        File.WriteAllText(Path.Combine(_root, "ok.yaml"), Manifest);
        File.WriteAllText(Path.Combine(_root, "sub", "inner.yml"), Manifest);
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Special_files_and_bad_links_are_findings_and_the_rest_is_walked()
    {
        Assume.That(OperatingSystem.IsLinux(), "FIFOs, sockets and byte file names as Linux has them");
        Run("mkfifo", Path.Combine(_root, "fifo.yaml"));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(_root, "socket.yaml")));
        File.CreateSymbolicLink(Path.Combine(_root, "dangling.yaml"), "nowhere.yaml");
        File.CreateSymbolicLink(Path.Combine(_root, "loop1.yaml"), "loop2.yaml");
        File.CreateSymbolicLink(Path.Combine(_root, "loop2.yaml"), "loop1.yaml");
        File.CreateSymbolicLink(Path.Combine(_root, "link.yaml"), "ok.yaml");
        File.WriteAllText(Path.Combine(_root, "back\\slash.yaml"), Manifest);

        var set = Walk(_root);
        Assert.Multiple(() =>
        {
            Assert.That(set.Errors, Is.Empty);
            Assert.That(Relative(set.Files), Is.EqualTo(new[] { "back\\slash.yaml", "ok.yaml", "sub/inner.yml" }), "link.yaml is ok.yaml, read once at its own path");
            Assert.That(set.Problems.Select(p => (Path.GetFileName(p.Location.FilePath), p.RuleId, p.Location.Span.Start.ToString())), Is.EqualTo(new[]
            {
                ("dangling.yaml", "KL1020", "1:1"), ("fifo.yaml", "KL1020", "1:1"), ("loop1.yaml", "KL1020", "1:1"),
                ("loop2.yaml", "KL1020", "1:1"), ("socket.yaml", "KL1020", "1:1"),
            }));
            Assert.That(set.Problems[1].Message, Does.StartWith("not a regular file but a FIFO (named pipe)"));
            Assert.That(set.Problems[4].Message, Does.StartWith("not a regular file but a socket"));
            Assert.That(set.Problems[0].Message, Does.StartWith("broken symbolic link"));
        });
    }

    [Test]
    public void A_file_name_that_is_not_utf8_is_kept_shown_escaped_and_read()
    {
        Assume.That(OperatingSystem.IsLinux(), "byte file names as Linux has them");
        Run("sh", "-c", "printf '" + Manifest.Replace("\n", "\\n") + "' > \"$1\"/\"$(printf 'bad\\377.yaml')\"", "sh", _root);

        InputSet set;
        InputFile bad;
        byte[]? bytes;
        var problems = new List<Finding>();
        try
        {
            set = Walk(_root);
            bad = set.Files.Single(f => f.Path.Display.Contains("bad", StringComparison.Ordinal));
            bytes = InputReader.Read(bad, InputWalker.DefaultFileSystem, () => Stream.Null, LoaderLimits.Default, problems);
        }
        finally
        {
            // .NET cannot delete what it cannot name: the shell removes the file before the tear-down.
            Run("sh", "-c", "rm -f \"$1\"/bad*.yaml", "sh", _root);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Path.GetFileName(bad.Path.Display), Is.EqualTo("bad\\xff.yaml"));
            Assert.That(problems, Is.Empty);
            Assert.That(bytes, Is.EqualTo(System.Text.Encoding.UTF8.GetBytes(Manifest)));
        });
    }

    [Test]
    public void Folder_links_are_not_followed_unless_asked_and_cycles_end()
    {
        Assume.That(!OperatingSystem.IsWindows(), "folder links without privileges");
        Directory.CreateSymbolicLink(Path.Combine(_root, "sub", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_root, "sub", "up2"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_root, "other"), "sub");

        var plain = Walk(_root);
        var followed = new InputWalker { FollowSymbolicLinks = true }.Walk([InputPath.FromString(_root)]);
        Assert.Multiple(() =>
        {
            Assert.That(Relative(plain.Files), Is.EqualTo(new[] { "ok.yaml", "sub/inner.yml" }));
            Assert.That(plain.Problems, Is.Empty);

            // Each folder once, by device and inode: sub/inner.yml is not read again as other/inner.yml.
            Assert.That(Relative(followed.Files), Is.EqualTo(new[] { "ok.yaml", "other/inner.yml" }).Or.EqualTo(new[] { "ok.yaml", "sub/inner.yml" }));
            Assert.That(followed.Problems, Is.Empty);
        });
    }

    [Test]
    public void A_folder_named_on_the_command_line_through_a_link_is_walked()
    {
        Assume.That(!OperatingSystem.IsWindows(), "folder links without privileges");
        var link = _root + "-link";
        Directory.CreateSymbolicLink(link, _root);
        try
        {
            Assert.That(Walk(link).Files.Select(f => Path.GetFileName(f.Path.Display)), Is.EqualTo(new[] { "ok.yaml", "inner.yml" }));
        }
        finally
        {
            File.Delete(link);
        }
    }

    [Test]
    public void Only_a_command_line_path_that_does_not_exist_is_an_error()
    {
        var set = Walk(Path.Combine(_root, "missing.yaml"), _root);
        Assert.Multiple(() =>
        {
            Assert.That(set.Errors, Is.EqualTo(new[] { Path.Combine(_root, "missing.yaml") + ": no such file or directory" }));
            Assert.That(set.Files, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Entries_that_cannot_be_examined_or_listed_are_findings_at_their_path()
    {
        var fake = new FakeFileSystem();
        var set = new InputWalker(fake).Walk([InputPath.FromString("repo")]);
        Assert.Multiple(() =>
        {
            Assert.That(set.Files.Select(f => f.Path.Display), Is.EqualTo(new[] { "repo/good.yaml" }));
            Assert.That(set.Problems.Select(p => $"{p.Location.FilePath}: {p.Message}"), Is.EqualTo(new[]
            {
                "repo/locked: cannot read the directory: Permission denied",
                "repo/secret.yaml: cannot read: Permission denied",
            }));
        });
    }

    [Test]
    public void A_file_over_the_limit_is_reported_from_its_size_without_being_read()
    {
        var path = Path.Combine(_root, "huge.yaml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(3L * 1024 * 1024 * 1024);
        }

        var problems = new List<Finding>();
        var file = Walk(path).Files.Single();
        var bytes = InputReader.Read(file, new FakeFileSystem(), () => Stream.Null, LoaderLimits.Default, problems);
        Assert.Multiple(() =>
        {
            Assert.That(bytes, Is.Null);
            Assert.That(problems.Select(p => p.RuleId), Is.EqualTo(new[] { "KL1008" }));
            Assert.That(problems[0].Message, Is.EqualTo("file is 3,221,225,472 bytes, above the 67,108,864-byte limit; skipped"));
        });
    }

    [Test]
    public void Standard_input_is_read_in_chunks_and_abandoned_at_the_limit()
    {
        var limits = new LoaderLimits { MaxFileBytes = 1_000_000 };
        var endless = new EndlessStream();
        var problems = new List<Finding>();
        var bytes = InputReader.Read(InputFile.StandardInput, new FakeFileSystem(), () => endless, limits, problems);
        var small = InputReader.Read(InputFile.StandardInput, new FakeFileSystem(), () => new MemoryStream(new byte[999_999]), limits, problems);
        Assert.Multiple(() =>
        {
            Assert.That(bytes, Is.Null);
            Assert.That(problems.Single().Message, Is.EqualTo("standard input is larger than the 1,000,000-byte limit; skipped"));
            Assert.That(endless.Served, Is.LessThan(1_000_000 + (128 * 1024)));
            Assert.That(small, Has.Length.EqualTo(999_999));
        });
    }

    /// <summary>A file is read into an array of its size; one that changed size since it was found is read as it is now.</summary>
    [TestCase(10, 10)]
    [TestCase(10, 11)]
    [TestCase(10, 200_000)]
    [TestCase(10, 4)]
    [TestCase(1, 0)]
    public void A_file_is_read_whole_whatever_its_size_was_when_found(int stated, int actual)
    {
        var content = Enumerable.Range(0, actual).Select(i => (byte)('a' + (i % 26))).ToArray();
        var problems = new List<Finding>();
        var bytes = InputReader.Read(new InputFile(InputPath.FromString("a.yaml"), stated), new ContentFileSystem(content), () => Stream.Null, LoaderLimits.Default, problems);
        Assert.That(bytes, Is.EqualTo(content));
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void A_file_that_grew_past_the_limit_since_it_was_found_is_reported()
    {
        var problems = new List<Finding>();
        var limits = new LoaderLimits { MaxFileBytes = 100 };
        var bytes = InputReader.Read(new InputFile(InputPath.FromString("a.yaml"), 100), new ContentFileSystem(new byte[101]), () => Stream.Null, limits, problems);
        Assert.That(bytes, Is.Null);
        Assert.That(problems.Single().Message, Is.EqualTo("file is larger than the 100-byte limit; skipped"));
    }

    private static InputSet Walk(params string[] inputs) => new InputWalker().Walk(inputs.Select(InputPath.FromString));

    private List<string> Relative(IEnumerable<InputFile> files) => files.Select(f => Path.GetRelativePath(_root, f.Path.Display)).ToList();

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, process.StandardError.ReadToEnd());
    }

    /// <summary>A folder with a file and a subfolder the user may not read, as root cannot reproduce for real.</summary>
    private sealed class FakeFileSystem : IInputFileSystem
    {
        public FileEntry Stat(InputPath path, bool followLinks) => path.Display switch
        {
            "repo" or "repo/locked" => new FileEntry(FileKind.Directory, 0, path.Display),
            "repo/good.yaml" => new FileEntry(FileKind.Regular, 10, path.Display),
            "repo/secret.yaml" => FileEntry.Of(FileKind.Inaccessible, "Permission denied"),
            _ => FileEntry.Of(FileKind.Missing),
        };

        public IReadOnlyList<InputPath>? List(InputPath directory, out string? error)
        {
            error = directory.Display == "repo/locked" ? "Permission denied" : null;
            return error is null ? [InputPath.FromString("good.yaml"), InputPath.FromString("locked"), InputPath.FromString("secret.yaml")] : null;
        }

        public Stream OpenRead(InputPath path) => throw new UnauthorizedAccessException("Permission denied");
    }

    private sealed class ContentFileSystem(byte[] content) : IInputFileSystem
    {
        public FileEntry Stat(InputPath path, bool followLinks) => new(FileKind.Regular, content.Length, path.Display);

        public IReadOnlyList<InputPath>? List(InputPath directory, out string? error)
        {
            error = null;
            return [];
        }

        public Stream OpenRead(InputPath path) => new MemoryStream(content);
    }

    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
