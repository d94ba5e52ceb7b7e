using System.Diagnostics;

namespace KubeLint.Cli.Tests;

/// <summary>Bad entries among the inputs are findings at their path; the run always reports on the rest.</summary>
public sealed class InputWalkingTests
{
    private string _root = string.Empty;

    [SetUp]
    public void CreateRoot()
    {
        _root = Path.Combine(Path.GetTempPath(), "kubelint-cli-walk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "ok.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void A_fifo_in_a_folder_or_on_the_command_line_is_a_finding_not_a_hang()
    {
        Assume.That(OperatingSystem.IsLinux(), "mkfifo");
        var fifo = Path.Combine(_root, "pipe.yaml");
        using (var process = Process.Start("mkfifo", fifo))
        {
            process.WaitForExit();
        }

        var folder = CliRun.Of(_root, "--no-simulate");
        var named = CliRun.Of(fifo, Path.Combine(_root, "ok.yaml"), "--no-simulate");
        Assert.Multiple(() =>
        {
            Assert.That(folder.ExitCode, Is.EqualTo(ExitCodes.Findings), folder.Stderr);
            Assert.That(folder.Stdout, Does.Contain(fifo + ":1:1: error KL1020 unreadable-input: not a regular file but a FIFO"));
            Assert.That(folder.Stdout, Does.Contain("ok.yaml:5:3: error KL1002"));
            Assert.That(folder.Stdout, Does.EndWith("(2 files, 1 object).\n"));
            Assert.That(named.Stdout, Is.EqualTo(folder.Stdout));
        });
    }

    [Test]
    public void A_file_past_the_size_limit_is_reported_and_the_others_are_still_linted()
    {
        var huge = Path.Combine(_root, "huge.yaml");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(3L * 1024 * 1024 * 1024);
        }

        var run = CliRun.Of(_root, "--no-simulate");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.Stderr);
            Assert.That(run.Stdout, Does.Contain(huge + ":1:1: error KL1008 input-limit-exceeded: file is 3,221,225,472 bytes"));
            Assert.That(run.Stdout, Does.Contain("ok.yaml:5:3: error KL1002"));
        });
    }

    [Test]
    public void Folder_links_are_followed_only_with_follow_symlinks()
    {
        Assume.That(!OperatingSystem.IsWindows(), "folder links without privileges");
        var outside = _root + "-outside";
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "far.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: far\n");
        Directory.CreateSymbolicLink(Path.Combine(_root, "linked"), outside);
        Directory.CreateSymbolicLink(Path.Combine(outside, "back"), _root);
        try
        {
            var plain = CliRun.Of(_root, "--no-simulate", "--fail-level", "none");
            var followed = CliRun.Of(_root, "--no-simulate", "--fail-level", "none", "--follow-symlinks");
            Assert.Multiple(() =>
            {
                Assert.That(plain.Stdout, Does.EndWith("(1 file, 1 object).\n"));
                Assert.That(followed.Stdout, Does.EndWith("(2 files, 2 objects).\n"));
            });
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
}
