package io.gpushare.core.kube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.AccessPattern;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Jackson builds a bean's deserializer together with the deserializers of all its properties, and of
 * theirs: reading the first Deployment introspects the whole pod-spec graph of the fabric8 model
 * (every volume source, probe and affinity class, about 300 classes), although a manifest uses a few
 * dozen of them. In a short-lived command that introspection was the largest cost of start-up
 * (docs/performance.md, "Start-up"). This module gives each bean property without a deserializer of
 * its own a placeholder that finds the real one, through the same {@link DeserializationContext}
 * call Jackson's own resolution makes, the first time a value of that property is read: only the
 * classes a manifest holds are introspected. Once found, the deserializer is kept; the result of a
 * read is the same as without the module.
 */
final class LazyPropertyDeserializers extends BeanDeserializerModifier {
  private LazyPropertyDeserializers() {}

  /** The module to register on a mapper. */
  static SimpleModule module() {
    SimpleModule module = new SimpleModule("gpushare-lazy-property-deserializers");
    module.setDeserializerModifier(new LazyPropertyDeserializers());
    return module;
  }

  @Override
  public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
      BeanDeserializerBuilder builder) {
    List<SettableBeanProperty> deferred = new ArrayList<>();
    for (Iterator<SettableBeanProperty> properties = builder.getProperties(); properties.hasNext(); ) {
      SettableBeanProperty property = properties.next();
      // a property with its own deserializer (@JsonDeserialize(using = ...)) keeps it; a polymorphic
      // one keeps Jackson's handling of its type id
      if (!property.hasValueDeserializer() && !property.hasValueTypeDeserializer()) {
        deferred.add(property.withValueDeserializer(new Deferred(property.getType(), null)));
      }
    }
    deferred.forEach(property -> builder.addOrReplaceProperty(property, true));
    return builder;
  }

  /** Stands for the deserializer of one property until a value of it is read. */
  private static final class Deferred extends JsonDeserializer<Object> implements ContextualDeserializer {
    private final JavaType type;
    private final BeanProperty property;
    private volatile JsonDeserializer<Object> resolved;

    Deferred(JavaType type, BeanProperty property) {
      this.type = type;
      this.property = property;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty forProperty) {
      // called once, when the bean's deserializer is resolved: keep the property for the real lookup
      return new Deferred(type, forProperty);
    }

    private JsonDeserializer<Object> delegate(DeserializationContext context) throws JsonMappingException {
      JsonDeserializer<Object> found = resolved;
      if (found == null) {
        // what BeanDeserializerBase.resolve does eagerly: the type's deserializer, contextualized for the property
        found = context.findContextualValueDeserializer(type, property);
        resolved = found;
      }
      return found;
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return delegate(context).deserialize(parser, context);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context, Object into) throws IOException {
      return delegate(context).deserialize(parser, context, into);
    }

    @Override
    public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer types)
        throws IOException {
      return delegate(context).deserializeWithType(parser, context, types);
    }

    @Override
    public Object getNullValue(DeserializationContext context) throws JsonMappingException {
      return delegate(context).getNullValue(context);
    }

    @Override
    public AccessPattern getNullAccessPattern() {
      // the value depends on the real deserializer: ask for it on every null
      return AccessPattern.DYNAMIC;
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) throws JsonMappingException {
      return delegate(context).getAbsentValue(context);
    }

    @Override
    public Object getEmptyValue(DeserializationContext context) throws JsonMappingException {
      return delegate(context).getEmptyValue(context);
    }

    @Override
    public AccessPattern getEmptyAccessPattern() {
      return AccessPattern.DYNAMIC;
    }

    @Override
    public Class<?> handledType() {
      return type.getRawClass();
    }

    @Override
    public boolean isCachable() {
      return false;
    }
  }
}
