#if NET
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace KubeLint.Analyzer.Loading;

/// <summary>
/// File system access on 64-bit Linux through the C library, with paths as the bytes the kernel stores: .NET turns
/// a file name that is not valid UTF-8 into U+FFFD and then cannot open it, and it does not report file types
/// (FIFO, socket, device) or inodes, which input walking needs to refuse non-regular files and to detect directory
/// cycles by device and inode. statx has one layout on every architecture; glibc has it since 2.28, musl since 1.2.5.
/// </summary>
internal sealed partial class UnixFileSystem : IInputFileSystem
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;

    // Field offsets of struct statx (include/uapi/linux/stat.h).
    private const int ModeOffset = 28;
    private const int InodeOffset = 32;
    private const int SizeOffset = 40;
    private const int DeviceMajorOffset = 136;
    private const int DeviceMinorOffset = 140;

    // struct dirent64 on 64-bit Linux (glibc and musl): d_ino, d_off, d_reclen, d_type, then d_name.
    private const int DirentNameOffset = 19;

    private const int OpenReadOnlyNonBlockingCloseOnExec = 0x800 | 0x80000;

    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private const int ELOOP = 40;

    private const string CLibrary = "libc";

    /// <summary>glibc's file name (soname) for the C library, which every glibc process has loaded.</summary>
    private const string GlibcFileName = "libc.so.6";

    /// <summary>
    /// Binds <see cref="CLibrary"/> to the C library the process already has. Left to the runtime, "libc" is looked
    /// for as a dozen file names in the application's folder and the system's library folders (about fifty failed
    /// opens, a thirtieth of a one-file run) before it is found. Where glibc's file name does not load (musl), the
    /// resolver declines and the runtime searches as before.
    /// </summary>
    static UnixFileSystem()
        => NativeLibrary.SetDllImportResolver(
            typeof(UnixFileSystem).Assembly,
            (name, _, _) => name == CLibrary && NativeLibrary.TryLoad(GlibcFileName, out var handle) ? handle : IntPtr.Zero);

    private UnixFileSystem()
    {
    }

    /// <summary>The native file system where it works here; null elsewhere (other systems, 32-bit, an old C library or kernel).</summary>
    public static UnixFileSystem? TryCreate()
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return null;
        }

        try
        {
            var system = new UnixFileSystem();
            return system.Stat(InputPath.FromString("/"), followLinks: true).Kind == FileKind.Directory ? system : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    public unsafe FileEntry Stat(InputPath path, bool followLinks)
    {
        var bytes = path.NativeBytes();
        var buffer = stackalloc byte[StatxSize];
        int result;
        fixed (byte* name = bytes)
        {
            result = NativeStatx(AtFdCwd, name, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer);
        }

        if (result != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno switch
            {
                ENOENT or ENOTDIR when followLinks && Stat(path, followLinks: false).Kind == FileKind.SymbolicLink => FileEntry.Of(FileKind.BrokenLink),
                ENOENT or ENOTDIR => FileEntry.Of(FileKind.Missing),
                ELOOP => FileEntry.Of(FileKind.LinkLoop),
                _ => FileEntry.Of(FileKind.Inaccessible, Marshal.GetPInvokeErrorMessage(errno)),
            };
        }

        var span = new ReadOnlySpan<byte>(buffer, StatxSize);
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(span.Slice(ModeOffset)) & 0xF000;
        var kind = mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Inaccessible,
        };
        var size = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(span.Slice(SizeOffset)), long.MaxValue);
        var identity = string.Create(
            CultureInfo.InvariantCulture,
            $"{BinaryPrimitives.ReadUInt32LittleEndian(span.Slice(DeviceMajorOffset))}:{BinaryPrimitives.ReadUInt32LittleEndian(span.Slice(DeviceMinorOffset))}:{BinaryPrimitives.ReadUInt64LittleEndian(span.Slice(InodeOffset))}");
        return new FileEntry(kind, size, identity);
    }

    public unsafe IReadOnlyList<InputPath>? List(InputPath directory, out string? error)
    {
        var bytes = directory.NativeBytes();
        nint handle;
        fixed (byte* name = bytes)
        {
            handle = NativeOpenDirectory(name);
        }

        if (handle == 0)
        {
            error = Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
            return null;
        }

        try
        {
            var names = new List<InputPath>();
            while (true)
            {
                var entry = NativeReadDirectory(handle);
                if (entry == 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    error = errno == 0 ? null : Marshal.GetPInvokeErrorMessage(errno);
                    return error is null ? names : null;
                }

                var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)(entry + DirentNameOffset));
                if (name is not [(byte)'.'] and not [(byte)'.', (byte)'.'])
                {
                    names.Add(InputPath.FromBytes(name.ToArray()));
                }
            }
        }
        finally
        {
            _ = NativeCloseDirectory(handle);
        }
    }

    public unsafe Stream OpenRead(InputPath path)
    {
        var bytes = path.NativeBytes();
        int descriptor;
        fixed (byte* name = bytes)
        {
            descriptor = NativeOpen(name, OpenReadOnlyNonBlockingCloseOnExec);
        }

        if (descriptor < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            var message = Marshal.GetPInvokeErrorMessage(errno);
            throw errno == 13 ? new UnauthorizedAccessException(message) : new IOException(message);
        }

        return new FileStream(new SafeFileHandle(descriptor, ownsHandle: true), FileAccess.Read, bufferSize: 1);
    }

    [LibraryImport(CLibrary, EntryPoint = "statx", SetLastError = true)]
    private static unsafe partial int NativeStatx(int directory, byte* path, int flags, uint mask, byte* buffer);

    [LibraryImport(CLibrary, EntryPoint = "opendir", SetLastError = true)]
    private static unsafe partial nint NativeOpenDirectory(byte* path);

    [LibraryImport(CLibrary, EntryPoint = "readdir", SetLastError = true)]
    private static partial nint NativeReadDirectory(nint directory);

    [LibraryImport(CLibrary, EntryPoint = "closedir")]
    private static partial int NativeCloseDirectory(nint directory);

    [LibraryImport(CLibrary, EntryPoint = "open", SetLastError = true)]
    private static unsafe partial int NativeOpen(byte* path, int flags);
}
#endif
