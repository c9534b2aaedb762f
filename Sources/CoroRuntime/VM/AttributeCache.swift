/// An inline cache for one attribute instruction (CPython 3.11's specialisation, in
/// miniature): what the attribute turned out to be for one class, valid while no class
/// has been modified since (`VM.typeEpoch`).
struct AttributeCache {
    enum Kind: UInt8 {
        case empty
        /// Not on the class: the instance dict holds it (or nothing does).
        case instanceField
        /// A function or builtin method on the class (LOAD_METHOD pushes it unbound).
        case method
        /// A plain class attribute, unless the instance dict shadows it.
        case classValue
        /// A `__slots__` member: slot `entryHint` of the (slotted) instance.
        case slot
        /// A module's global (the module's class has no such attribute): an entry of
        /// the module's dict, looked for at `entryHint` first.
        case moduleEntry
    }

    var type: UnsafeMutableRawPointer?
    /// The attribute name (in a class's memo, where slots are shared by names).
    var name: UnsafeMutableRawPointer?
    var epoch = -1
    /// LOAD_GLOBAL: the builtins dict's version when `value` was found.
    var secondEpoch = -1
    var kind = Kind.empty
    var value = Value.null
    /// Whether this answers a store (writes are resolved differently from reads).
    var isStore = false
    /// Where the name was in the last instance dict looked at: instances of one class
    /// usually lay their attributes out alike, so this is checked first. For `.slot`,
    /// the slot's index.
    var entryHint = 0
}

extension VM {
    /// Fills an instruction's cache for attribute `name` of instances of `type`, from the
    /// class's memo when it knows (reads and writes are memoised separately).
    /// Class and name come unmanaged: the dispatch loop calls this at every miss of a
    /// polymorphic site, and a memo hit then counts no references.
    func fillAttributeCache(_ cache: UnsafeMutablePointer<AttributeCache>, _ typeReference: Unmanaged<PyType>, _ name: NameKey,
                            forStore: Bool) {
        let memo = typeReference._withUnsafeGuaranteedRef { $0.cacheSlot(hash: name.hash, store: forStore) }
        if memo.pointee.name == name.address, memo.pointee.epoch == typeEpoch.pointee, memo.pointee.isStore == forStore {
            cache.pointee = memo.pointee
            return
        }
        resolveAttribute(cache, typeReference.takeUnretainedValue(), Unmanaged<PyStr>.fromOpaque(name.address).takeUnretainedValue(),
                         forStore: forStore)
        cache.pointee.isStore = forStore
        memo.pointee = cache.pointee
    }

    /// What `cache` should say about attribute `name` of instances of `type`, for reads
    /// (`forStore` false) or writes.
    private func resolveAttribute(_ cache: UnsafeMutablePointer<AttributeCache>, _ type: PyType, _ name: PyStr, forStore: Bool) {
        cache.pointee = AttributeCache()
        if type === types.module {
            guard !forStore, type.lookup(name) == nil else { return }
            cache.pointee = AttributeCache(type: Unmanaged.passUnretained(type).toOpaque(), name: Unmanaged.passUnretained(name).toOpaque(), epoch: typeEpoch.pointee,
                                           kind: .moduleEntry)
            return
        }
        if type.isBuiltin {
            // Builtin objects: only methods (e.g. list.append) are cached, and only for calls.
            guard !forStore, let found = type.lookup(name), let builtin = found.as(PyBuiltin.self),
                  builtin.owner != nil, builtin.receiver.isNull else { return }
            cache.pointee = AttributeCache(type: Unmanaged.passUnretained(type).toOpaque(), name: Unmanaged.passUnretained(name).toOpaque(), epoch: typeEpoch.pointee,
                                           kind: .method, value: found)
            return
        }
        if let custom = type.lookup(names.getattribute), !(custom.object is PyBuiltin) { return }
        // An exception's `args` lives in the exception itself, not in its dict.
        if name.value == "args", type.isSubtype(of: types.baseException) { return }
        if forStore, let custom = type.lookup(names.setattr), !(custom.object is PyBuiltin) { return }
        var kind = AttributeCache.Kind.instanceField
        var value = Value.null
        if let found = type.lookup(name) {
            guard case .object(let reference) = found else {
                if forStore { return }
                cache.pointee = AttributeCache(type: Unmanaged.passUnretained(type).toOpaque(), name: Unmanaged.passUnretained(name).toOpaque(), epoch: typeEpoch.pointee,
                                               kind: .classValue, value: found)
                return
            }
            let attribute = reference.takeUnretainedValue()
            if let member = attribute as? PyMember {
                guard type.isSubtype(of: member.owner), member.index < type.slotCount else { return }
                cache.pointee = AttributeCache(type: Unmanaged.passUnretained(type).toOpaque(), name: Unmanaged.passUnretained(name).toOpaque(),
                                               epoch: typeEpoch.pointee, kind: .slot, entryHint: member.index)
                return
            }
            let attributeType = attribute.type
            if attribute is PyBox || attribute is PyType { return }
            if !attributeType.isBuiltin, attributeType.lookup(names.get) != nil || attributeType.lookup(names.set) != nil {
                return
            }
            if forStore {
                kind = .instanceField
            } else if attribute is PyFunction {
                kind = .method
                value = found
            } else if let builtin = attribute as? PyBuiltin {
                // A native method installed on a script class (asyncio's core) binds.
                guard builtin.owner != nil && builtin.receiver.isNull else { return }
                kind = .method
                value = found
            } else {
                kind = .classValue
                value = found
            }
        }
        // A store into the instance dict: a class with `__slots__` alone has none.
        if forStore && !type.hasInstanceDict { return }
        cache.pointee = AttributeCache(type: Unmanaged.passUnretained(type).toOpaque(), name: Unmanaged.passUnretained(name).toOpaque(), epoch: typeEpoch.pointee,
                                       kind: kind, value: value)
    }

    /// LOAD_ATTR through the cache; `.null` when the cache cannot answer.
    @inline(__always)
    func cachedAttribute(_ object: Unmanaged<PyObject>, _ name: NameKey, _ cache: UnsafeMutablePointer<AttributeCache>) -> Value {
        switch cache.pointee.kind {
        case .instanceField:
            guard let attributes = object._withUnsafeGuaranteedRef({ $0.attributesReference }) else { return .null }
            // The closure returns a Value, not an optional: an optional comes back through
            // memory with a one-byte tag that the caller reloads wider, a store-forwarding
            // stall that cost nbody.py a sixth of its time.
            return attributes._withUnsafeGuaranteedRef { $0.lookupName(name, hint: &cache.pointee.entryHint) ?? .null }
        case .classValue:
            let found = instanceAttribute(object, name)
            return found.isNull ? cache.pointee.value : found
        case .slot:
            // Null when unset: the slow path raises the AttributeError.
            return object._withUnsafeGuaranteedRef { unsafeDowncast($0, to: PySlottedObject.self).slots[cache.pointee.entryHint] }
        case .moduleEntry:
            // Null when absent: the slow path tries the module's `__getattr__`.
            return object._withUnsafeGuaranteedRef { module in
                unsafeDowncast(module, to: PyModule.self).dict.lookupName(name, hint: &cache.pointee.entryHint) ?? .null
            }
        case .method:
            // A script class's method, bound. Builtin objects take the slow path: their
            // class's methods are cached for calls, and a module or a `super` proxy
            // answers for itself.
            let isBuiltin = object._withUnsafeGuaranteedRef { $0.typeStorage._withUnsafeGuaranteedRef { $0.isBuiltin } }
            guard !isBuiltin, instanceAttribute(object, name).isNull else { return .null }
            return boundMethod(cache.pointee.value, to: .object(object))
        case .empty:
            return .null
        }
    }

    /// `method` (a function, or a native method of a class) bound to `receiver`.
    func boundMethod(_ method: Value, to receiver: Value) -> Value {
        if let builtin = method.as(PyBuiltin.self) {
            return Value(heap.register(PyBuiltin(type: types.builtinFunction, name: builtin.name, owner: builtin.owner,
                                                 receiver: receiver, function: builtin.function)))
        }
        return Value(heap.register(PyMethod(type: types.method, function: method, receiver: receiver)))
    }

    /// The instance dict entry for `name`, without reference counting; `.null` if none.
    @inline(__always)
    func instanceAttribute(_ object: Unmanaged<PyObject>, _ name: NameKey) -> Value {
        guard let attributes = object._withUnsafeGuaranteedRef({ $0.attributesReference }) else { return .null }
        return attributes._withUnsafeGuaranteedRef { $0.lookupName(name) ?? .null }
    }
}

extension VM {
    /// STORE_ATTR through the cache, for a slot: writes it and answers true.
    @inline(__always)
    func storeCachedSlot(_ object: Unmanaged<PyObject>, _ value: Value, _ cache: UnsafeMutablePointer<AttributeCache>) -> Bool {
        guard cache.pointee.kind == .slot else { return false }
        object._withUnsafeGuaranteedRef { unsafeDowncast($0, to: PySlottedObject.self).slots[cache.pointee.entryHint] = value }
        return true
    }
}
