package io.gpushare.core.validate;

import io.gpushare.core.kube.ValueGenerator;
import java.io.IOException;

/**
 * A generator that hands every string of an object's JSON to a {@link Visitor} with its path (the
 * credential scan, {@link TokenScan}) while Jackson's serializers write, and keeps nothing: no text,
 * token buffer or JSON tree is made. The path is one buffer that grows and shrinks with the
 * generator's place, in the form of a finding's path: {@code .name} for a plain key, {@code ["example.com/name"]} for another,
 * {@code [0]} for a list entry. Numbers, booleans and nulls are passed over; raw JSON (which the
 * fabric8 model does not write) and binary values are handed over as text.
 */
final class JsonStrings extends ValueGenerator {
  /** What is done with each string. */
  @FunctionalInterface
  interface Visitor {
    /** {@code path} is the generator's own buffer: read it now, copy it to keep it. */
    void visit(CharSequence path, String value);
  }

  private final Visitor visitor;
  private final StringBuilder path;
  /** Per open container: the path's length where it starts, and the next list index (-1 for a mapping). */
  private int[] lengths = new int[16];
  private int[] indexes = new int[16];
  private int depth;

  JsonStrings(StringBuilder root, Visitor visitor) {
    this.path = root;
    this.visitor = visitor;
  }

  /** Before a value: in a list, the path gets the entry's index; in a mapping it already has the key. */
  private void enterValue() {
    if (depth > 0 && indexes[depth - 1] >= 0) {
      path.setLength(lengths[depth - 1]);
      path.append('[').append(indexes[depth - 1]++).append(']');
    }
  }

  private void open(boolean list) {
    enterValue();
    if (depth == lengths.length) {
      lengths = java.util.Arrays.copyOf(lengths, depth * 2);
      indexes = java.util.Arrays.copyOf(indexes, depth * 2);
    }
    lengths[depth] = path.length();
    indexes[depth] = list ? 0 : -1;
    depth++;
  }

  private void leave() {
    depth--;
    path.setLength(lengths[depth]);
  }

  private void string(String text) throws IOException {
    _verifyValueWrite("write a string");
    enterValue();
    if (text != null) {
      visitor.visit(path, text);
    }
  }

  private void other(String what) throws IOException {
    _verifyValueWrite(what);
    enterValue();
  }

  @Override
  public void writeStartObject() {
    _writeContext = _writeContext.createChildObjectContext();
    open(false);
  }

  @Override
  public void writeEndObject() {
    _writeContext = _writeContext.clearAndGetParent();
    leave();
  }

  @Override
  public void writeStartArray() {
    _writeContext = _writeContext.createChildArrayContext();
    open(true);
  }

  @Override
  public void writeEndArray() {
    _writeContext = _writeContext.clearAndGetParent();
    leave();
  }

  @Override
  public void writeFieldName(String name) throws IOException {
    if (depth == 0 || indexes[depth - 1] >= 0) {
      _reportError("Can not write a field name outside an object"); // a defect of a serializer: no path for it
    }
    _writeContext.writeFieldName(name);
    path.setLength(lengths[depth - 1]);
    TokenScan.appendKey(path, name);
  }

  @Override
  public void writeString(String text) throws IOException {
    string(text);
  }

  @Override
  public void writeRawValue(String text) throws IOException {
    string(text);
  }

  @Override
  protected void writeNumberValue(Number value) throws IOException {
    other("write a number");
  }

  @Override
  public void writeBoolean(boolean state) throws IOException {
    other("write a boolean");
  }

  @Override
  public void writeNull() throws IOException {
    other("write null");
  }
}
