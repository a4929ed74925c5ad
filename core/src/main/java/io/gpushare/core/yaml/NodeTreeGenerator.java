package io.gpushare.core.yaml;

import io.gpushare.core.kube.ValueGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jackson generator that builds the ordered {@link YamlNode} tree while Jackson's serializers
 * write, instead of producing text or a token buffer: each mapping gets its {@link Shape.Field}s and
 * is sorted by them (or by key, for a free-form map) when it closes. Raw output is refused and binary
 * written as base64 ({@link ValueGenerator}).
 */
final class NodeTreeGenerator extends ValueGenerator {
  /** An open mapping or sequence, and the key (with its field) it will be put under when it closes. */
  private static final class Frame {
    final YamlMapping mapping;
    final YamlSequence sequence;
    final Shape shape;
    final String parentKey;
    final Shape.Field parentField;
    String key;
    Shape.Field field;

    Frame(YamlMapping mapping, YamlSequence sequence, Shape shape, String parentKey, Shape.Field parentField) {
      this.mapping = mapping;
      this.sequence = sequence;
      this.shape = shape;
      this.parentKey = parentKey;
      this.parentField = parentField;
    }
  }

  private final Shape rootShape;
  private final List<Frame> stack = new ArrayList<>(16);
  private YamlNode root;

  NodeTreeGenerator(Shape rootShape) {
    this.rootShape = rootShape;
  }

  YamlNode root() {
    return root;
  }

  private Frame top() {
    return stack.isEmpty() ? null : stack.get(stack.size() - 1);
  }

  /** The shape a new child mapping or sequence gets where the generator stands now. */
  private Shape childShape() {
    Frame top = top();
    if (top == null) {
      return rootShape;
    }
    return top.mapping != null ? top.field.child : top.shape;
  }

  private void add(YamlNode node, String parentKey, Shape.Field parentField) {
    Frame top = top();
    if (top == null) {
      root = node;
    } else if (top.mapping != null) {
      top.mapping.put(parentKey, parentField, node);
    } else {
      top.sequence.add(node);
    }
  }

  private void value(YamlNode node) {
    Frame top = top();
    add(node, top == null ? null : top.key, top == null ? null : top.field);
  }

  @Override
  public void writeStartObject() {
    _writeContext = _writeContext.createChildObjectContext();
    Frame top = top();
    stack.add(new Frame(new YamlMapping(6), null, childShape(),
        top == null ? null : top.key, top == null ? null : top.field));
  }

  @Override
  public void writeEndObject() {
    _writeContext = _writeContext.clearAndGetParent();
    Frame frame = stack.remove(stack.size() - 1);
    frame.mapping.order(frame.shape);
    add(frame.mapping, frame.parentKey, frame.parentField);
  }

  @Override
  public void writeStartArray() {
    _writeContext = _writeContext.createChildArrayContext();
    Frame top = top();
    stack.add(new Frame(null, new YamlSequence(), childShape(),
        top == null ? null : top.key, top == null ? null : top.field));
  }

  @Override
  public void writeEndArray() {
    _writeContext = _writeContext.clearAndGetParent();
    Frame frame = stack.remove(stack.size() - 1);
    add(frame.sequence, frame.parentKey, frame.parentField);
  }

  @Override
  public void writeFieldName(String name) throws IOException {
    _writeContext.writeFieldName(name);
    Frame top = top();
    top.key = name;
    top.field = top.shape.field(name);
  }

  @Override
  public void writeString(String text) throws IOException {
    _verifyValueWrite("write a string");
    value(text == null ? YamlScalar.NULL : YamlScalar.string(text));
  }

  @Override
  protected void writeNumberValue(Number value) throws IOException {
    _verifyValueWrite("write a number");
    value(YamlScalar.number(value));
  }

  @Override
  public void writeBoolean(boolean state) throws IOException {
    _verifyValueWrite("write a boolean");
    value(state ? YamlScalar.TRUE : YamlScalar.FALSE);
  }

  @Override
  public void writeNull() throws IOException {
    _verifyValueWrite("write null");
    value(YamlScalar.NULL);
  }
}
