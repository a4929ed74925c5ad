package io.gpushare.core.render;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a group of files so that a failure leaves the previous ones as they were: every target is
 * checked, then every file is written in full (and forced to disk) under a temporary name in the
 * target's directory, and only then renamed over its target. Renames within one directory do not
 * run out of space, so once they start they practically always finish; if one still fails, the
 * message says how many files were already replaced.
 */
final class AtomicFiles {
  private static final SecureRandom RANDOM = new SecureRandom();
  private AtomicFiles() {}

  static void writeAll(Path directory, Map<Path, byte[]> contents) throws IOException {
    Files.createDirectories(directory);
    for (Path target : contents.keySet()) {
      if (Files.isDirectory(target)) {
        throw new IOException("cannot write " + target + ": a directory is in the way (nothing was changed)");
      }
    }
    List<Path[]> moves = new ArrayList<>();
    try {
      for (Map.Entry<Path, byte[]> entry : contents.entrySet()) {
        // a link is followed, so the file it points to is replaced and the link stays a link
        Path target = Files.isSymbolicLink(entry.getKey()) ? entry.getKey().toRealPath() : entry.getKey();
        // Not Files.createTempFile: that makes the file owner-only (0600), and the rename would carry
        // those permissions over to the manifest. A fresh name with CREATE_NEW gets the umask's.
        Path temp = directory.resolve(
            "." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        moves.add(new Path[] {temp, target});
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          channel.write(java.nio.ByteBuffer.wrap(entry.getValue()));
          channel.force(true);
          keepPermissions(target, temp);
        } catch (IOException e) {
          throw new IOException("cannot write " + target + ": " + e.getMessage() + " (nothing was changed)", e);
        }
      }
      for (int i = 0; i < moves.size(); i++) {
        try {
          move(moves.get(i)[0], moves.get(i)[1]);
        } catch (IOException e) {
          if (i == 0) {
            throw e;
          }
          throw new IOException("replaced " + i + " of " + moves.size() + " files, then could not replace "
              + moves.get(i)[1] + ": " + e.getMessage(), e);
        }
      }
    } finally {
      for (Path[] move : moves) {
        Files.deleteIfExists(move[0]);
      }
    }
  }

  /** A replaced file keeps its permissions (a 0600 manifest stays 0600). */
  private static void keepPermissions(Path target, Path temp) throws IOException {
    if (Files.exists(target) && target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
