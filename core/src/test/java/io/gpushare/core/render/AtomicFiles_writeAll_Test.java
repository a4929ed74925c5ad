package io.gpushare.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group of files is replaced all or nothing, and nothing of the write is left behind. */
class AtomicFiles_writeAll_Test {
  @TempDir Path dir;

  private static Map<Path, byte[]> contents(Object... pathsAndTexts) {
    Map<Path, byte[]> contents = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      contents.put((Path) pathsAndTexts[i], ((String) pathsAndTexts[i + 1]).getBytes(StandardCharsets.UTF_8));
    }
    return contents;
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static boolean posix(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  @Test
  void should_restore_every_replaced_file_when_a_later_rename_fails() throws IOException {
    // GIVEN: a.yaml and b.yaml from an earlier run; the second rename fails
    Files.writeString(dir.resolve("a.yaml"), "old a\n");
    Files.writeString(dir.resolve("b.yaml"), "old b\n");
    AtomicInteger renames = new AtomicInteger();
    AtomicFiles.Rename failingSecond = (from, to) -> {
      if (renames.incrementAndGet() == 2) {
        throw new IOException("No space left on device");
      }
      Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    };
    // WHEN
    assertThatThrownBy(() -> AtomicFiles.writeAll(contents(dir.resolve("a.yaml"), "new a\n", dir.resolve("b.yaml"),
        "new b\n", dir.resolve("c.yaml"), "new c\n"), failingSecond))
        // THEN
        .isInstanceOf(IOException.class)
        .hasMessage("cannot replace " + dir.resolve("b.yaml") + ": No space left on device (every file was restored;"
            + " nothing was changed)");
    assertThat(dir.resolve("a.yaml")).hasContent("old a");
    assertThat(dir.resolve("b.yaml")).hasContent("old b");
    assertThat(listing(dir)).containsExactly("a.yaml", "b.yaml");
  }

  @Test
  void should_roll_back_a_group_that_a_killed_run_left_half_renamed() throws IOException {
    // GIVEN: what a run killed after its first rename leaves: a.yaml new, its backup, b.yaml old, a journal
    Files.writeString(dir.resolve("a.yaml"), "new a\n");
    Files.writeString(dir.resolve(".a.yaml.k1.bak"), "old a\n");
    Files.writeString(dir.resolve("b.yaml"), "old b\n");
    Files.writeString(dir.resolve(".b.yaml.k2.bak"), "old b\n");
    Files.writeString(dir.resolve("c.yaml"), "new c\n");
    Files.writeString(dir.resolve(".gpushare-write.journal"), ".a.yaml.k1.bak\ta.yaml\n.b.yaml.k2.bak\tb.yaml\n-\tc.yaml\n");
    // WHEN: the next write into the directory
    AtomicFiles.writeAll(contents(dir.resolve("d.yaml"), "d\n"));
    // THEN: the killed group is undone as a whole, then the new file written
    assertThat(dir.resolve("a.yaml")).hasContent("old a");
    assertThat(dir.resolve("b.yaml")).hasContent("old b");
    assertThat(listing(dir)).containsExactly("a.yaml", "b.yaml", "d.yaml");
  }

  @Test
  void should_refuse_a_read_only_file_and_change_nothing() throws IOException {
    // GIVEN
    assumeTrue(posix(dir), "POSIX file system");
    Path readOnly = Files.writeString(dir.resolve("claim.yaml"), "kept\n");
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
    Files.writeString(dir.resolve("vllm.yaml"), "old\n");
    // WHEN
    assertThatThrownBy(() -> AtomicFiles.writeAll(contents(dir.resolve("vllm.yaml"), "new\n", readOnly, "new\n")))
        // THEN
        .isInstanceOf(IOException.class)
        .hasMessage("cannot write " + readOnly + ": it is read-only (mode 0444); make it writable to replace it"
            + " (nothing was changed)");
    assertThat(readOnly).hasContent("kept");
    assertThat(dir.resolve("vllm.yaml")).hasContent("old");
    assertThat(listing(dir)).containsExactly("claim.yaml", "vllm.yaml");
  }

  @Test
  void should_refuse_a_file_with_hard_links_rather_than_split_them() throws IOException {
    // GIVEN
    Path file = Files.writeString(dir.resolve("vllm.yaml"), "old\n");
    Files.createLink(dir.resolve("other-name.yaml"), file);
    // WHEN
    assertThatThrownBy(() -> AtomicFiles.writeAll(contents(file, "new\n")))
        // THEN
        .hasMessage("cannot write " + file + ": it has 2 hard links, which replacing it would split; write a copy"
            + " instead (nothing was changed)");
    assertThat(dir.resolve("other-name.yaml")).hasContent("old");
  }

  @Test
  void should_replace_the_file_a_link_points_to_beside_itself_and_keep_the_link() throws IOException {
    // GIVEN: vllm.yaml in out/ is a link to a file in another directory
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    Path real = Files.writeString(elsewhere.resolve("real.yaml"), "old\n");
    Path out = Files.createDirectory(dir.resolve("out"));
    Path link = Files.createSymbolicLink(out.resolve("vllm.yaml"), Path.of("../elsewhere/real.yaml"));
    // WHEN
    FileChanges changes = AtomicFiles.writeAll(contents(link, "new\n"));
    // THEN
    assertThat(changes.changed()).containsExactly(link);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(real).hasContent("new");
    assertThat(listing(elsewhere)).containsExactly("real.yaml");
    assertThat(listing(out)).containsExactly("vllm.yaml");
  }

  @Test
  void should_leave_files_with_the_same_content_untouched() throws IOException {
    // GIVEN
    Path same = Files.writeString(dir.resolve("claim.yaml"), "same\n");
    Files.setLastModifiedTime(same, FileTime.fromMillis(0));
    // WHEN
    FileChanges changes = AtomicFiles.writeAll(contents(same, "same\n", dir.resolve("vllm.yaml"), "new\n"));
    // THEN
    assertThat(changes.unchanged()).containsExactly(same);
    assertThat(changes.changed()).containsExactly(dir.resolve("vllm.yaml"));
    assertThat(Files.getLastModifiedTime(same)).isEqualTo(FileTime.fromMillis(0));
  }

  @Test
  void should_remove_temporary_files_of_earlier_runs_but_not_of_runs_still_going() throws IOException {
    // GIVEN
    Path stale = Files.writeString(dir.resolve(".vllm.yaml.3k2j1.tmp"), "half");
    Files.setLastModifiedTime(stale, FileTime.fromMillis(0));
    Path recent = Files.writeString(dir.resolve(".claim.yaml.9x8y.tmp"), "being written");
    Path usersOwn = Files.writeString(dir.resolve(".hidden"), "mine");
    Files.setLastModifiedTime(usersOwn, FileTime.fromMillis(0));
    // WHEN
    AtomicFiles.writeAll(contents(dir.resolve("vllm.yaml"), "new\n"));
    // THEN
    assertThat(listing(dir)).containsExactly(".claim.yaml.9x8y.tmp", ".hidden", "vllm.yaml");
    assertThat(recent).exists();
  }

  @Test
  void should_keep_owner_group_and_mode_of_the_replaced_file() throws IOException {
    // GIVEN: a file of another user, as only root can make and replace
    assumeTrue(posix(dir) && "root".equals(System.getProperty("user.name")), "POSIX file system, run as root");
    Path file = Files.writeString(dir.resolve("vllm.yaml"), "old\n");
    UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    Files.setOwner(file, nobody);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    // WHEN
    AtomicFiles.writeAll(contents(file, "new\n"));
    // THEN
    assertThat(file).hasContent("new");
    assertThat(Files.getOwner(file)).isEqualTo(nobody);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
  }
}
