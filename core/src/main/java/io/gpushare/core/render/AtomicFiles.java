package io.gpushare.core.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces a group of files all or nothing. In order:
 *
 * <ol>
 *   <li>each target is resolved (a symbolic link is followed, so the file it points to is replaced
 *       and the link stays a link) and checked: no directory in the way, not read-only, not a file
 *       with several hard links (a rename would split them); any problem refuses the whole group
 *       before anything is written;
 *   <li>an earlier run that was killed while renaming is rolled back from its journal, and
 *       temporary files that earlier runs left beside the targets are removed;
 *   <li>files whose content would not change are left alone;
 *   <li>every new content is written in full, forced to disk, under a temporary name beside its
 *       resolved target, with the target's permissions, owner and group;
 *   <li>every existing target is kept as a backup (a hard link, no copy) and a journal lists the
 *       renames; then each temporary file is renamed over its target (a rename only: when the
 *       file system cannot rename atomically the group is refused, never copied and deleted). When
 *       a rename fails, every target already replaced is restored from its backup.
 * </ol>
 */
final class AtomicFiles {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String JOURNAL = ".gpushare-write.journal";
  /** A temporary file of this class: {@code .NAME.RANDOM.tmp} or {@code .NAME.RANDOM.bak}. */
  private static final Pattern OURS = Pattern.compile("\\..+\\.[0-9a-z]{1,13}\\.(tmp|bak)");
  /** Older than this, a temporary file belongs to no run still going. */
  static final Duration STALE = Duration.ofMinutes(10);

  private AtomicFiles() {}

  /** One file of the group: where the caller pointed, and the file really replaced. */
  private record Target(Path given, Path resolved, byte[] content) {}

  /** How a file is renamed over another; tests replace it to fail part-way. */
  interface Rename {
    void apply(Path from, Path to) throws IOException;
  }

  static FileChanges writeAll(Map<Path, byte[]> contents) throws IOException {
    return writeAll(contents, AtomicFiles::rename);
  }

  static FileChanges writeAll(Map<Path, byte[]> contents, Rename rename) throws IOException {
    List<Target> targets = new ArrayList<>();
    for (Map.Entry<Path, byte[]> entry : contents.entrySet()) {
      targets.add(check(entry.getKey(), entry.getValue()));
    }
    List<Path> changed = new ArrayList<>();
    List<Path> unchanged = new ArrayList<>();
    List<Target> writes = new ArrayList<>();
    for (Target target : targets) {
      Files.createDirectories(target.resolved().getParent());
      recover(target.resolved().getParent());
      removeStale(target.resolved().getParent());
      if (Files.exists(target.resolved()) && Arrays.equals(Files.readAllBytes(target.resolved()), target.content())) {
        unchanged.add(target.given());
      } else {
        writes.add(target);
        changed.add(target.given());
      }
    }
    if (!writes.isEmpty()) {
      replace(writes, rename);
    }
    return new FileChanges(changed, unchanged);
  }

  private static Target check(Path given, byte[] content) throws IOException {
    Path absolute = given.toAbsolutePath();
    Path resolved = absolute;
    for (int hops = 0; Files.isSymbolicLink(resolved); hops++) {
      if (hops > 40) {
        throw refused(given, "too many levels of symbolic links");
      }
      resolved = resolved.getParent().resolve(Files.readSymbolicLink(resolved)).normalize();
    }
    if (Files.isDirectory(resolved)) {
      throw refused(given, "a directory is in the way");
    }
    if (Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isRegularFile(resolved)) {
        throw refused(given, "it is not a regular file");
      }
      PosixFileAttributes attributes = posix(resolved);
      if (attributes != null && !attributes.permissions().contains(PosixFilePermission.OWNER_WRITE)) {
        throw refused(given, "it is read-only (mode " + mode(attributes) + "); make it writable to replace it");
      }
      Object links = linkCount(resolved);
      if (links instanceof Integer count && count > 1) {
        throw refused(given, "it has " + count + " hard links, which replacing it would split; write a copy instead");
      }
    }
    return new Target(given, resolved, content);
  }

  private static void replace(List<Target> writes, Rename rename) throws IOException {
    Map<Target, Path> temps = new LinkedHashMap<>();
    Map<Target, Path> backups = new LinkedHashMap<>();
    List<Path> journals = new ArrayList<>();
    try {
      for (Target target : writes) {
        Path temp = sibling(target.resolved(), "tmp");
        temps.put(target, temp);
        try {
          write(temp, target.content());
          keepAttributes(target.resolved(), temp);
        } catch (IOException e) {
          throw refused(target.given(), e.getMessage());
        }
      }
      for (Target target : writes) {
        if (Files.exists(target.resolved())) {
          Path backup = sibling(target.resolved(), "bak");
          keep(target.resolved(), backup);
          backups.put(target, backup);
        }
      }
      journals.addAll(journal(writes, backups));
      List<Target> done = new ArrayList<>();
      for (Target target : writes) {
        try {
          rename.apply(temps.get(target), target.resolved());
          done.add(target);
        } catch (IOException e) {
          rollBack(done, backups);
          throw new IOException("cannot replace " + target.given() + ": " + e.getMessage()
              + " (every file was restored; nothing was changed)", e);
        }
      }
    } finally {
      for (Path journal : journals) {
        Files.deleteIfExists(journal);
      }
      for (Path path : temps.values()) {
        Files.deleteIfExists(path);
      }
      for (Path path : backups.values()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static void rollBack(List<Target> done, Map<Target, Path> backups) throws IOException {
    for (Target target : done) {
      Path backup = backups.get(target);
      if (backup == null) {
        Files.deleteIfExists(target.resolved());
      } else {
        rename(backup, target.resolved());
      }
    }
  }

  /** One journal per directory: lines {@code backup<TAB>target} ({@code -} when the target is new). */
  private static List<Path> journal(List<Target> writes, Map<Target, Path> backups) throws IOException {
    Map<Path, StringBuilder> byDirectory = new LinkedHashMap<>();
    for (Target target : writes) {
      Path backup = backups.get(target);
      byDirectory.computeIfAbsent(target.resolved().getParent(), d -> new StringBuilder())
          .append(backup == null ? "-" : backup.getFileName().toString()).append('\t')
          .append(target.resolved().getFileName()).append('\n');
    }
    List<Path> journals = new ArrayList<>();
    for (Map.Entry<Path, StringBuilder> entry : byDirectory.entrySet()) {
      Path journal = entry.getKey().resolve(JOURNAL);
      Path temp = sibling(journal, "tmp");
      write(temp, entry.getValue().toString().getBytes(StandardCharsets.UTF_8));
      rename(temp, journal);
      journals.add(journal);
    }
    return journals;
  }

  /** Undoes a group a killed run left half renamed in {@code directory}: every target back to its backup. */
  static void recover(Path directory) throws IOException {
    Path journal = directory.resolve(JOURNAL);
    if (!Files.isRegularFile(journal, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
      String[] parts = line.split("\t", 2);
      if (parts.length != 2 || parts[1].contains("/") || parts[0].contains("/")) {
        continue;
      }
      Path target = directory.resolve(parts[1]);
      if (parts[0].equals("-")) {
        Files.deleteIfExists(target);
      } else if (Files.exists(directory.resolve(parts[0]))) {
        rename(directory.resolve(parts[0]), target);
      }
    }
    Files.delete(journal);
  }

  /** Removes the temporary files and backups that runs older than {@link #STALE} left in {@code directory}. */
  static void removeStale(Path directory) throws IOException {
    Instant cutoff = Instant.now().minus(STALE);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, ".*")) {
      for (Path entry : entries) {
        if (OURS.matcher(entry.getFileName().toString()).matches()
            && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          FileTime modified = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS);
          if (modified.toInstant().isBefore(cutoff)) {
            Files.deleteIfExists(entry);
          }
        }
      }
    } catch (NoSuchFileException e) {
      // the directory is new: nothing stale in it
    }
  }

  private static Path sibling(Path target, String suffix) {
    return target.resolveSibling(
        "." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + "." + suffix);
  }

  private static void write(Path path, byte[] content) throws IOException {
    // Not Files.createTempFile: that makes the file owner-only (0600), and the rename would carry
    // those permissions over. A fresh name with CREATE_NEW gets the umask's; keepAttributes copies the target's.
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /** A backup of the current target: a second name for it, or, where hard links are not supported, a copy. */
  private static void keep(Path target, Path backup) throws IOException {
    try {
      Files.createLink(backup, target);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  /** The replacement keeps the target's permissions, owner and group (a 0600 manifest stays 0600). */
  private static void keepAttributes(Path target, Path temp) throws IOException {
    PosixFileAttributes attributes = Files.exists(target) ? posix(target) : null;
    if (attributes == null) {
      return;
    }
    PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
    view.setPermissions(attributes.permissions());
    PosixFileAttributes written = view.readAttributes();
    if (!written.group().equals(attributes.group())) {
      view.setGroup(attributes.group());
    }
    if (!written.owner().equals(attributes.owner())) {
      try {
        view.setOwner(attributes.owner());
      } catch (IOException e) {
        throw new IOException("cannot keep its owner " + attributes.owner().getName() + " (" + e.getMessage() + ")", e);
      }
    }
  }

  private static void rename(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system cannot rename " + from.getFileName() + " over " + to
          + " atomically, and a copy could lose the file", e);
    }
  }

  private static PosixFileAttributes posix(Path path) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    return view == null ? null : view.readAttributes();
  }

  private static Object linkCount(Path path) {
    try {
      return Files.getAttribute(path, "unix:nlink");
    } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
      return null;
    }
  }

  private static String mode(PosixFileAttributes attributes) {
    int mode = 0;
    for (PosixFilePermission permission : attributes.permissions()) {
      mode |= 1 << (8 - permission.ordinal());
    }
    return String.format("%04o", mode);
  }

  private static IOException refused(Path given, String why) {
    return new IOException("cannot write " + given + ": " + why + " (nothing was changed)");
  }
}
