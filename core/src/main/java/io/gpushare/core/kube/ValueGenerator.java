package io.gpushare.core.kube;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.base.GeneratorBase;
import com.fasterxml.jackson.core.json.JsonWriteContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Jackson generator that writes no text: Jackson's serializers ({@link KubeJson#writeTo}) hand it the
 * structure and the values of an object, and a subclass keeps what it needs of them: the renderer's
 * YAML node tree, or the credential scan's strings. Every form of a string (characters, UTF-8 bytes,
 * binary as base64) arrives as {@link #writeString(String)}; raw output between values, which has no
 * place in a Kubernetes object, is refused; every form of a number arrives as {@link #writeNumberValue}.
 * Subclasses give the structure, strings, numbers, booleans and null.
 */
public abstract class ValueGenerator extends GeneratorBase {
  protected ValueGenerator() {
    super(JsonGenerator.Feature.collectDefaults(), null);
  }

  @Override
  public void writeStartObject(Object forValue) throws IOException {
    writeStartObject();
    _writeContext.setCurrentValue(forValue);
  }

  @Override
  public void writeString(char[] buffer, int offset, int length) throws IOException {
    writeString(new String(buffer, offset, length));
  }

  @Override
  public void writeRawUTF8String(byte[] buffer, int offset, int length) throws IOException {
    writeString(new String(buffer, offset, length, StandardCharsets.UTF_8));
  }

  @Override
  public void writeUTF8String(byte[] buffer, int offset, int length) throws IOException {
    writeRawUTF8String(buffer, offset, length);
  }

  @Override
  public void writeRawValue(String text, int offset, int len) throws IOException {
    writeRawValue(text.substring(offset, offset + len));
  }

  @Override
  public void writeRawValue(char[] text, int offset, int len) throws IOException {
    writeRawValue(new String(text, offset, len));
  }

  @Override
  public void writeRawValue(String text) throws IOException {
    throw unsupported(); // a subclass that can take raw JSON as a value says so
  }

  @Override
  public void writeBinary(Base64Variant variant, byte[] data, int offset, int len) throws IOException {
    writeString(variant.encode(Arrays.copyOfRange(data, offset, offset + len)));
  }

  /** A number, in whichever of Jackson's forms it was written (a number written as text is read as a decimal). */
  protected abstract void writeNumberValue(Number value) throws IOException;

  @Override
  public void writeNumber(int value) throws IOException {
    writeNumberValue(value);
  }

  @Override
  public void writeNumber(long value) throws IOException {
    writeNumberValue(value);
  }

  @Override
  public void writeNumber(double value) throws IOException {
    writeNumberValue(value);
  }

  @Override
  public void writeNumber(float value) throws IOException {
    writeNumberValue(value);
  }

  @Override
  public void writeNumber(BigInteger value) throws IOException {
    if (value == null) {
      writeNull();
    } else {
      writeNumberValue(value);
    }
  }

  @Override
  public void writeNumber(BigDecimal value) throws IOException {
    if (value == null) {
      writeNull();
    } else {
      writeNumberValue(value);
    }
  }

  @Override
  public void writeNumber(String encodedValue) throws IOException {
    if (encodedValue == null) {
      writeNull();
    } else {
      writeNumberValue(new BigDecimal(encodedValue));
    }
  }

  @Override
  protected void _verifyValueWrite(String typeMsg) throws IOException {
    if (_writeContext.writeValue() == JsonWriteContext.STATUS_EXPECT_NAME) {
      _reportError("Can not " + typeMsg + ", expecting a field name");
    }
  }

  @Override
  public void writeRaw(String text) {
    throw unsupported();
  }

  @Override
  public void writeRaw(String text, int offset, int len) {
    throw unsupported();
  }

  @Override
  public void writeRaw(char[] text, int offset, int len) {
    throw unsupported();
  }

  @Override
  public void writeRaw(char c) {
    throw unsupported();
  }

  @Override
  public void flush() {
    // nothing is buffered: what is kept is the subclass's
  }

  @Override
  protected void _releaseBuffers() {
    // no buffers
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("raw output has no place in a Kubernetes object");
  }
}
