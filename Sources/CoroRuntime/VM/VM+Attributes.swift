extension VM {
    /// `object.name`, following Python's rules: data descriptors on the class, then the
    /// instance dict, then other class attributes (functions become bound methods),
    /// then builtin attributes, then `__getattr__`.
    func getAttribute(_ object: Value, _ name: PyStr) throws(PyError) -> Value {
        if let found = try attributeIfPresent(object, name) { return found }
        throw attributeError(object, name.value)
    }

    /// `getattr(object, name, None)` as CPython's `_PyObject_LookupAttr`: nil when the
    /// attribute is absent, without making the AttributeError that `getAttribute` would
    /// (an AttributeError that a property or `__getattr__` raises counts as absent too).
    func lookupAttribute(_ object: Value, _ name: PyStr) throws(PyError) -> Value? {
        do throws(PyError) {
            return try attributeIfPresent(object, name)
        } catch let failure where failure.exception.type.isSubtype(of: types[exception: "AttributeError"]) {
            return nil
        }
    }

    /// `getAttribute`, but nil where the lookup itself finds nothing.
    private func attributeIfPresent(_ object: Value, _ name: PyStr) throws(PyError) -> Value? {
        if let type = object.as(PyType.self) { return try typeAttributeIfPresent(type, name) }
        if let proxy = object.as(PyBox.self), proxy.kind == .superObject, let found = try superAttribute(proxy, name) {
            return found
        }
        let type = typeOf(object)
        if !type.isBuiltin, let custom = type.lookup(names.getattribute), !(custom.object is PyBuiltin) {
            return try call(custom, [object, Value(name)])
        }
        if let found = try genericGetAttribute(object, name, type) { return found }
        if !type.isBuiltin, let hook = type.lookup(names.getattr) {
            return try call(hook, [object, Value(name)])
        }
        return nil
    }

    func attributeError(_ object: Value, _ name: String) -> PyError {
        if let module = object.as(PyModule.self) {
            return error("AttributeError", "module '\(module.name)' has no attribute '\(name)'")
        }
        if let type = object.as(PyType.self) {
            return error("AttributeError", "type object '\(type.name)' has no attribute '\(name)'")
        }
        return error("AttributeError", "'\(typeName(object))' object has no attribute '\(name)'")
    }

    /// `object.__getattribute__`: everything but `__getattr__`; nil when absent.
    func genericGetAttribute(_ object: Value, _ name: PyStr, _ type: PyType) throws(PyError) -> Value? {
        let found = type.lookup(name)
        if let found, let descriptor = try dataDescriptorGet(found, object, type) { return descriptor }
        if case .object(let reference) = object {
            let instance = reference.takeUnretainedValue()
            if let attributes = instance.attributes, let value = attributes.lookupString(name) { return value }
            if let module = instance as? PyModule, let value = module.dict.lookupString(name) { return value }
        }
        if let found { return try bind(found, to: object, type) }
        return try builtinAttribute(object, name.value)
    }

    /// The value of a data descriptor (property, or a class with `__set__`), or nil.
    private func dataDescriptorGet(_ found: Value, _ object: Value, _ type: PyType) throws(PyError) -> Value? {
        guard case .object(let reference) = found else { return nil }
        let descriptor = reference.takeUnretainedValue()
        if let member = descriptor as? PyMember { return try memberGet(member, object) }
        if let box = descriptor as? PyBox, box.kind == .property {
            guard !box.values[0].isNone else {
                throw error("AttributeError", "property '\(propertyName(box))' of '\(type.name)' object has no getter")
            }
            return try call(box.values[0], [object])
        }
        if !descriptor.type.isBuiltin, descriptor.type.lookup(names.set) != nil || descriptor.type.lookup(names.delete) != nil,
           let getter = descriptor.type.lookup(names.get) {
            return try call(getter, [found, object, Value(type)])
        }
        return nil
    }

    func propertyName(_ property: PyBox) -> String {
        property.values.count > 4 ? ((try? strText(property.values[4])) ?? "?") : "?"
    }

    /// A class attribute seen from an instance: functions bind to it.
    func bind(_ found: Value, to object: Value, _ type: PyType) throws(PyError) -> Value {
        guard case .object(let reference) = found else { return found }
        let attribute = reference.takeUnretainedValue()
        if let box = attribute as? PyBox, let method = classLevelMethod(box, owner: Value(type)) { return method }
        switch attribute {
        case let builtin as PyBuiltin where builtin.owner == nil || !builtin.receiver.isNull:
            return found
        case is PyFunction, is PyBuiltin:
            return boundMethod(found, to: object)
        default:
            if !attribute.type.isBuiltin, let getter = attribute.type.lookup(names.get) {
                return try call(getter, [found, object, Value(type)])
            }
            return found
        }
    }

    /// A `staticmethod`'s function, or a `classmethod`'s bound to `owner` (the class it
    /// was reached through); nil for any other box.
    func classLevelMethod(_ box: PyBox, owner: Value) -> Value? {
        switch box.kind {
        case .staticMethod: return box.values[0]
        case .classMethod: return Value(heap.register(PyMethod(type: types.method, function: box.values[0], receiver: owner)))
        default: return nil
        }
    }

    /// `Class.name`: class attributes along the MRO (functions stay plain functions),
    /// then the attributes every class has.
    func typeAttribute(_ type: PyType, _ name: PyStr) throws(PyError) -> Value {
        if let found = try typeAttributeIfPresent(type, name) { return found }
        throw attributeError(Value(type), name.value)
    }

    private func typeAttributeIfPresent(_ type: PyType, _ name: PyStr) throws(PyError) -> Value? {
        if let found = type.lookup(name) {
            guard case .object(let reference) = found else { return found }
            let attribute = reference.takeUnretainedValue()
            if let box = attribute as? PyBox, let method = classLevelMethod(box, owner: Value(type)) { return method }
            if !attribute.type.isBuiltin, !(attribute is PyType), let getter = attribute.type.lookup(names.get) {
                return try call(getter, [found, .none, Value(type)])
            }
            return found
        }
        if let special = try builtinAttribute(Value(type), name.value) { return special }
        let metatype = type.type
        if let found = metatype.lookup(name), metatype !== type {
            return try bind(found, to: Value(type), metatype)
        }
        if metatype !== types.type, let hook = metatype.lookup(names.getattr) {
            return try call(hook, [Value(type), Value(name)])
        }
        return nil
    }

    /// For LOAD_METHOD: the function or builtin method a call `object.name(...)` can use
    /// unbound, so that no bound method is allocated; null when the attribute is anything
    /// else. (Not an Optional: Swift 6.3.1 release builds miscompiled `Value?` here.)
    func plainMethod(_ object: Value, _ name: PyStr) -> Value {
        let type = typeOf(object)
        if case .object(let reference) = object {
            let instance = reference.takeUnretainedValue()
            if instance is PyType { return .null }
            if type.isBuiltin && (instance is PyModule || instance is PyBox) { return .null }
            if let attributes = instance.attributes, attributes.lookupString(name) != nil { return .null }
        }
        guard let found = type.lookup(name), case .object(let foundReference) = found else { return .null }
        let attribute = foundReference.takeUnretainedValue()
        if let builtin = attribute as? PyBuiltin {
            guard builtin.owner != nil && builtin.receiver.isNull else { return .null }
        } else if !(attribute is PyFunction) {
            return .null
        }
        if !type.isBuiltin, let custom = type.lookup(names.getattribute), !(custom.object is PyBuiltin) { return .null }
        return found
    }

    func setAttribute(_ object: Value, _ name: PyStr, _ value: Value) throws(PyError) {
        let type = typeOf(object)
        if !type.isBuiltin, let custom = type.lookup(names.setattr), !(custom.object is PyBuiltin) {
            _ = try call(custom, [object, Value(name), value])
            return
        }
        try genericSetAttribute(object, name, value)
    }

    /// `object.__setattr__`: descriptors, then the instance dict.
    func genericSetAttribute(_ object: Value, _ name: PyStr, _ value: Value) throws(PyError) {
        if let type = object.as(PyType.self) {
            guard !type.isBuiltin else {
                throw typeError("cannot set '\(name.value)' attribute of immutable type '\(type.name)'")
            }
            type.dict.setString(name, value)
            typeEpoch.pointee += 1
            if name.value == "__del__" { finalizersExist = true }
            return
        }
        let type = typeOf(object)
        if let found = type.lookup(name), case .object(let reference) = found {
            let descriptor = reference.takeUnretainedValue()
            if let member = descriptor as? PyMember {
                try memberSet(member, object, value)
                return
            }
            if let box = descriptor as? PyBox, box.kind == .property {
                guard box.values.count > 1, !box.values[1].isNone else {
                    throw error("AttributeError", "property '\(propertyName(box))' of '\(type.name)' object has no setter")
                }
                _ = try call(box.values[1], [object, value])
                return
            }
            if !descriptor.type.isBuiltin, let setter = descriptor.type.lookup(names.set) {
                _ = try call(setter, [found, object, value])
                return
            }
        }
        guard case .object(let reference) = object else { throw attributeError(object, name.value) }
        let instance = reference.takeUnretainedValue()
        if let module = instance as? PyModule {
            module.dict.setString(name, value)
            return
        }
        if let function = instance as? PyFunction, try setFunctionAttribute(function, name.value, value) { return }
        if let exception = instance as? PyException, name.value == "args" {
            exception.args = try collect(value)
            return
        }
        if instance.attributes == nil {
            guard instance is PyFunction || (!type.isBuiltin && type.hasInstanceDict) else {
                throw error("AttributeError", "'\(type.name)' object has no attribute '\(name.value)'")
            }
            instance.attributes = newDict()
        }
        instance.attributes?.setString(name, value)
    }

    func deleteAttribute(_ object: Value, _ name: PyStr) throws(PyError) {
        let type = typeOf(object)
        if !type.isBuiltin, let custom = type.lookup(names.delattr), !(custom.object is PyBuiltin) {
            _ = try call(custom, [object, Value(name)])
            return
        }
        if let member = type.lookup(name)?.as(PyMember.self) {
            try memberDelete(member, object)
            return
        }
        if let found = type.lookup(name), let box = found.as(PyBox.self), box.kind == .property {
            guard box.values.count > 2, !box.values[2].isNone else {
                throw error("AttributeError", "property '\(propertyName(box))' of '\(type.name)' object has no deleter")
            }
            _ = try call(box.values[2], [object])
            return
        }
        if let classObject = object.as(PyType.self), !classObject.isBuiltin {
            typeEpoch.pointee += 1
            if classObject.dict.removeString(name) != nil { return }
        } else if let module = object.as(PyModule.self) {
            if module.dict.removeString(name) != nil { return }
        } else if let attributes = object.object?.attributes, attributes.removeString(name) != nil {
            return
        }
        throw attributeError(object, name.value)
    }
}
