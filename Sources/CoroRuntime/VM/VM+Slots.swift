/// `__slots__`: a class that declares them gets a `member_descriptor` per name and
/// instances that keep those values in a fixed buffer (`PySlottedObject`), with no
/// attribute dict unless a class on the MRO keeps one.
extension VM {
    /// A new instance of a script class (or `object`): slotted when the class has slots.
    @inline(__always)
    func newInstance(_ type: PyType) -> PyObject {
        type.slotCount > 0 ? heap.register(PySlottedObject(type: type)) : heap.register(PyObject(type: type))
    }

    /// Reads `__slots__` from a new class's namespace, as CPython's `type_new` does: works
    /// out the instance layout from the bases and puts a member descriptor in the
    /// namespace for each name.
    func declareSlots(_ type: PyType, _ bases: [PyType], _ namespace: PyDict) throws(PyError) {
        let slotted = bases.filter { $0.slotCount > 0 }
        let widest = slotted.max { $0.slotCount < $1.slotCount }
        if let widest, slotted.contains(where: { !widest.isSubtype(of: $0) }) {
            throw typeError("multiple bases have instance lay-out conflict")
        }
        type.slotCount = widest?.slotCount ?? 0
        // Slotted instances are plain objects: no slotted base under another builtin layout.
        if type.slotCount > 0 && type.layout != .object { throw typeError("multiple bases have instance lay-out conflict") }
        let inheritsDict = type.layout != .object || bases.contains { !$0.isBuiltin && $0.hasInstanceDict }
        guard let declared = namespace.lookupString(intern("__slots__")) else {
            type.hasInstanceDict = true
            return
        }
        var keepsDict = inheritsDict
        var members: [PyStr] = []
        for name in try slotNames(declared) {
            switch name {
            case "__dict__":
                if keepsDict { throw typeError("__dict__ slot disallowed: we already got one") }
                keepsDict = true
            case "__weakref__":
                continue
            default:
                // Not mangled (`__x` stays `__x`): the compiler does not mangle private names
                // yet, and `self.__x` must reach the slot.
                let key = intern(name)
                if namespace.lookupString(key) != nil {
                    throw error("ValueError", "'\(name)' in __slots__ conflicts with class variable")
                }
                members.append(key)
            }
        }
        // Builtin layouts other than object (exceptions) keep slot names in the dict.
        if type.layout == .object {
            for key in members {
                namespace.setString(key, Value(heap.register(PyMember(type: types.member, name: key, owner: type, index: type.slotCount))))
                type.slotCount += 1
            }
        }
        type.hasInstanceDict = keepsDict
    }

    /// The names a `__slots__` value lists (one string, or an iterable of strings).
    private func slotNames(_ declared: Value) throws(PyError) -> [String] {
        let items = declared.object is PyStr ? [declared] : try collect(declared)
        return try items.map { item throws(PyError) in
            guard let name = item.as(PyStr.self) else {
                throw typeError("__slots__ items must be strings, not '\(typeName(item))'")
            }
            guard name.value.isPythonIdentifier else { throw typeError("__slots__ must be identifiers") }
            return name.value
        }
    }

    /// The instance a member descriptor applies to, or CPython's TypeError.
    private func slottedInstance(_ member: PyMember, _ object: Value) throws(PyError) -> PySlottedObject {
        guard let instance = object.object.flatMap(member.instance(of:)) else {
            throw typeError("descriptor '\(member.name.value)' for '\(member.owner.name)' objects doesn't apply to a '\(typeName(object))' object")
        }
        return instance
    }

    func memberGet(_ member: PyMember, _ object: Value) throws(PyError) -> Value {
        let value = try slottedInstance(member, object).slots[member.index]
        if value.isNull { throw error("AttributeError", "'\(typeName(object))' object has no attribute '\(member.name.value)'") }
        return value
    }

    func memberSet(_ member: PyMember, _ object: Value, _ value: Value) throws(PyError) {
        try slottedInstance(member, object).slots[member.index] = value
    }

    func memberDelete(_ member: PyMember, _ object: Value) throws(PyError) {
        let instance = try slottedInstance(member, object)
        // CPython 3.11 names only the attribute here.
        if instance.slots[member.index].isNull { throw error("AttributeError", member.name.value) }
        instance.slots[member.index] = .null
    }

    /// `member_descriptor`'s methods and attributes.
    func installMemberMethods() {
        let member = types.member
        func receiver(_ arguments: Arguments, _ method: String) throws(PyError) -> PyMember {
            guard arguments.positionalCount >= 1, let found = arguments[0].as(PyMember.self) else {
                throw typeError("descriptor '\(method)' requires a 'member_descriptor' object")
            }
            return found
        }
        defineMethod(member, "__get__") { vm, arguments throws(PyError) in
            try arguments.expectMethod("__get__", vm, min: 1, max: 2)
            let descriptor = try receiver(arguments, "__get__")
            return arguments[1].isNone ? arguments[0] : try vm.memberGet(descriptor, arguments[1])
        }
        defineMethod(member, "__set__") { vm, arguments throws(PyError) in
            try arguments.expectMethod("__set__", vm, min: 2, max: 2)
            try vm.memberSet(try receiver(arguments, "__set__"), arguments[1], arguments[2])
            return .none
        }
        defineMethod(member, "__delete__") { vm, arguments throws(PyError) in
            try arguments.expectMethod("__delete__", vm, min: 1, max: 1)
            try vm.memberDelete(try receiver(arguments, "__delete__"), arguments[1])
            return .none
        }
    }
}
