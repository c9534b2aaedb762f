/// A `dict`: CPython's compact layout. `entries` keeps insertion order (deleted
/// entries leave a `null` key until the next compaction); `slots` is an open-addressed
/// index into `entries`. Key comparison that may run script code (`__eq__`) goes
/// through the VM; `str` keys compare by identity first, then by content.
public final class PyDict: PyObject {
    struct Entry {
        var hash: Int
        var key: Value
        var value: Value
    }

    @exclusivity(unchecked) private(set) var entries: [Entry] = []
    /// -1: empty; otherwise an index into `entries`.
    @exclusivity(unchecked) private var slots: [Int32] = []
    @exclusivity(unchecked) private(set) var count = 0
    /// Changes whenever a key is added, removed or rebound (for LOAD_GLOBAL's cache).
    @exclusivity(unchecked) private(set) var version = 0

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        for entry in entries where !entry.key.isNull {
            tracer.mark(entry.key)
            tracer.mark(entry.value)
        }
    }

    private var mask: Int { slots.count - 1 }

    /// Probes for `hash`, calling `matches` on each entry index with that hash, and
    /// returns the slot holding a match, or the empty slot that ends the chain.
    @inline(__always)
    private func probe(_ hash: Int, _ matches: (Int) throws(PyError) -> Bool) throws(PyError) -> (slot: Int, entry: Int?) {
        if slots.isEmpty { return (-1, nil) }
        var perturb = UInt(bitPattern: hash)
        var slot = hash & mask
        while true {
            // A script `__eq__` may have resized the table: stop rather than read stale slots.
            guard slot < slots.count else { return (-1, nil) }
            let index = Int(slots[slot])
            if index < 0 || index >= entries.count { return (slot, nil) }
            let entry = entries[index]
            if entry.hash == hash, !entry.key.isNull, try matches(index) { return (slot, index) }
            perturb >>= 5
            slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
    }

    /// Looks up a `str` key without the VM (only `str` keys can equal it): pointer
    /// equality first (names are interned), then text.
    @inline(__always)
    func lookupString(_ key: PyStr) -> Value? {
        if count == 0 { return nil }
        let hash = key.hashValue
        let keyPointer = Unmanaged.passUnretained(key).toOpaque()
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries -> Value? in
                let mask = slots.count - 1
                var perturb = UInt(bitPattern: hash)
                var slot = hash & mask
                while true {
                    let index = Int(slots[slot])
                    if index < 0 { return nil }
                    let entry = entries[index]
                    if case .object(let reference) = entry.key {
                        if reference.toOpaque() == keyPointer { return entry.value }
                        if entry.hash == hash, let other = reference.takeUnretainedValue() as? PyStr, other.equals(key) {
                            return entry.value
                        }
                    }
                    perturb >>= 5
                    slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
                }
            }
        }
    }

    func lookup(_ key: Value, hash: Int, vm: VM) throws(PyError) -> Value? {
        guard let index = try probe(hash, { index throws(PyError) in try vm.keysEqual(entries[index].key, key) }).entry else {
            return nil
        }
        return entries[index].value
    }

    func lookup(_ key: Value, vm: VM) throws(PyError) -> Value? {
        try lookup(key, hash: try vm.hash(key), vm: vm)
    }

    func set(_ key: Value, _ value: Value, hash: Int, vm: VM) throws(PyError) {
        if slots.isEmpty { rebuild(capacity: 8) }
        let found = try probe(hash) { index throws(PyError) in try vm.keysEqual(entries[index].key, key) }
        if let index = found.entry, index < entries.count {
            entries[index].value = value
            version &+= 1
            return
        }
        if found.slot < 0 || found.slot >= slots.count || slots[found.slot] >= 0 {
            // The table changed under a script `__eq__`: insert afresh.
            rebuild(capacity: max(8, count * 3))
            if let slot = try? probe(hash, { _ in false }).slot, slot >= 0 {
                insertNew(Entry(hash: hash, key: key, value: value), at: slot)
            }
            return
        }
        insertNew(Entry(hash: hash, key: key, value: value), at: found.slot)
    }

    func set(_ key: Value, _ value: Value, vm: VM) throws(PyError) {
        try set(key, value, hash: try vm.hash(key), vm: vm)
    }

    /// Sets a `str` key without the VM.
    func setString(_ key: PyStr, _ value: Value) {
        if slots.isEmpty { rebuild(capacity: 8) }
        let found = try? probe(key.hashValue) { index in
            guard let other = entries[index].key.as(PyStr.self) else { return false }
            return other.equals(key)
        }
        guard let found else { return }
        if let index = found.entry {
            entries[index].value = value
            version &+= 1
        } else {
            insertNew(Entry(hash: key.hashValue, key: Value(key), value: value), at: found.slot)
        }
    }

    private func insertNew(_ entry: Entry, at slot: Int) {
        version &+= 1
        slots[slot] = Int32(entries.count)
        entries.append(entry)
        count += 1
        if entries.count * 3 >= slots.count * 2 { rebuild(capacity: max(8, count * 3)) }
    }

    /// Removes `key`, returning its value.
    func remove(_ key: Value, hash: Int, vm: VM) throws(PyError) -> Value? {
        let found = try probe(hash) { index throws(PyError) in try vm.keysEqual(entries[index].key, key) }
        guard let index = found.entry else { return nil }
        return removeEntry(at: index)
    }

    func removeString(_ key: PyStr) -> Value? {
        let found = try? probe(key.hashValue) { index in
            guard let other = entries[index].key.as(PyStr.self) else { return false }
            return other.equals(key)
        }
        guard let index = found?.entry else { return nil }
        return removeEntry(at: index)
    }

    /// Empties entry `index` (its slot keeps pointing at it, as a tombstone).
    @discardableResult
    func removeEntry(at index: Int) -> Value {
        version &+= 1
        let value = entries[index].value
        entries[index].key = .null
        entries[index].value = .null
        count -= 1
        if count == 0 {
            clear()
        } else if entries.count > 16 && count * 4 < entries.count {
            rebuild(capacity: max(8, count * 3))
        }
        return value
    }

    func clear() {
        version &+= 1
        entries = []
        slots = []
        count = 0
    }

    /// Rebuilds the index with room for `capacity` entries, dropping tombstones.
    private func rebuild(capacity: Int) {
        var size = 8
        while size < capacity { size <<= 1 }
        entries.removeAll { $0.key.isNull }
        slots = [Int32](repeating: -1, count: size)
        let newMask = size - 1
        for (index, entry) in entries.enumerated() {
            var perturb = UInt(bitPattern: entry.hash)
            var slot = entry.hash & newMask
            while slots[slot] >= 0 {
                perturb >>= 5
                slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & newMask
            }
            slots[slot] = Int32(index)
        }
    }

    /// Live entries in insertion order.
    var liveEntries: LazyFilterSequence<[Entry]> { entries.lazy.filter { !$0.key.isNull } }

    var keys: [Value] { liveEntries.map(\.key) }
    var values: [Value] { liveEntries.map(\.value) }

    /// The index of the first live entry at or after `position` (for iterators).
    func nextEntry(from position: Int) -> Int? {
        var index = position
        while index < entries.count {
            if !entries[index].key.isNull { return index }
            index += 1
        }
        return nil
    }

    func entry(at index: Int) -> Entry { entries[index] }

    func setValue(at index: Int, _ value: Value) {
        entries[index].value = value
        version &+= 1
    }

    /// Copies `other`'s entries (hashes already known).
    func update(from other: PyDict, vm: VM) throws(PyError) {
        for entry in other.entries where !entry.key.isNull {
            try set(entry.key, entry.value, hash: entry.hash, vm: vm)
        }
    }
}
