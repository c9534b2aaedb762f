/// A `dict`: CPython's compact layout. `entries` keeps insertion order (deleted
/// entries leave a `null` key until the next compaction); `slots` is an open-addressed
/// index into `entries`, built only once the dict outgrows `linearLimit` entries (small
/// dicts, like most instance dicts, are scanned). Both are raw buffers, so lookups cost
/// no reference counting.
/// Key comparison that may run script code (`__eq__`) goes through the VM; `str` keys
/// compare by identity first, then by content.
public final class PyDict: PyObject {
    struct Entry {
        var hash: Int
        var key: Value
        var value: Value
    }

    @exclusivity(unchecked) private var entryBuffer: UnsafeMutablePointer<Entry>?
    @exclusivity(unchecked) private var entryCapacity = 0
    /// Entries in use, tombstones included.
    @exclusivity(unchecked) private(set) var entryCount = 0
    /// -1: empty; otherwise an index into the entries.
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Int32>?
    @exclusivity(unchecked) private var slotCount = 0
    @exclusivity(unchecked) private(set) var count = 0
    /// Changes whenever a key is added, removed or rebound (for LOAD_GLOBAL's cache).
    @exclusivity(unchecked) private(set) var version = 0

    /// Up to this many entries, there is no index: lookups scan the entries.
    static let linearLimit = 8

    deinit {
        entryBuffer?.deallocate()
        slots?.deallocate()
    }

    override func trace(_ tracer: inout Tracer) {
        super.trace(&tracer)
        guard let entries = entryBuffer else { return }
        for index in 0..<entryCount {
            tracer.mark(entries[index].key)
            tracer.mark(entries[index].value)
        }
    }

    /// Probes for `hash`, calling `matches` on each live entry index with that hash, and
    /// returns the slot holding a match, or the empty slot that ends the chain (-1 when
    /// there is no table).
    @inline(__always)
    private func probe(_ hash: Int, _ matches: (Int) throws(PyError) -> Bool) throws(PyError) -> (slot: Int, entry: Int?) {
        guard let entries = entryBuffer else { return (-1, nil) }
        guard let slots else {
            // Linear mode: slot -1 means "append".
            var index = 0
            while index < entryCount {
                if entries[index].hash == hash, !entries[index].key.isNull {
                    let matched = try matches(index)
                    if entryBuffer != entries || self.slots != nil { return (-1, nil) }
                    if matched { return (-1, index) }
                }
                index += 1
            }
            return (-1, nil)
        }
        let mask = slotCount - 1
        var perturb = UInt(bitPattern: hash)
        var slot = hash & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return (slot, nil) }
            if entries[index].hash == hash, !entries[index].key.isNull {
                let matched = try matches(index)
                // A script `__eq__` may have resized the table: stop rather than read stale slots.
                if self.slots != slots || entryBuffer != entries { return (-1, nil) }
                if matched { return (slot, index) }
            }
            perturb >>= 5
            slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
    }

    /// Looks up a `str` key without the VM (only `str` keys can equal it): pointer
    /// equality first (names are interned), then text.
    @inline(__always)
    func lookupString(_ key: PyStr) -> Value? {
        guard count > 0, let entries = entryBuffer else { return nil }
        let hash = key.hashValue
        let keyPointer = Unmanaged.passUnretained(key).toOpaque()
        guard let slots else {
            for index in 0..<entryCount {
                guard case .object(let reference) = entries[index].key else { continue }
                if reference.toOpaque() == keyPointer { return entries[index].value }
                if entries[index].hash == hash, let other = reference.takeUnretainedValue() as? PyStr, other.equals(key) {
                    return entries[index].value
                }
            }
            return nil
        }
        let mask = slotCount - 1
        var perturb = UInt(bitPattern: hash)
        var slot = hash & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if case .object(let reference) = entries[index].key {
                if reference.toOpaque() == keyPointer { return entries[index].value }
                if entries[index].hash == hash, let other = reference.takeUnretainedValue() as? PyStr, other.equals(key) {
                    return entries[index].value
                }
            }
            perturb >>= 5
            slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
    }

    /// `lookupString` for a name whose address and hash are known: no reference counting.
    /// A key at another address matches only if its hash and text are the name's (a
    /// string built at run time, not interned).
    @inline(__always)
    func lookupName(_ key: NameKey) -> Value? {
        guard count > 0, let entries = entryBuffer else { return nil }
        @inline(__always) func matches(_ entry: Entry) -> Bool {
            guard case .object(let reference) = entry.key else { return false }
            if reference.toOpaque() == key.address { return true }
            guard entry.hash == key.hash else { return false }
            return reference._withUnsafeGuaranteedRef { candidate in
                Unmanaged<PyStr>.fromOpaque(key.address)._withUnsafeGuaranteedRef { name in
                    (candidate as? PyStr)?.equals(name) ?? false
                }
            }
        }
        guard let slots else {
            for index in 0..<entryCount where matches(entries[index]) { return entries[index].value }
            return nil
        }
        let mask = slotCount - 1
        var perturb = UInt(bitPattern: key.hash)
        var slot = key.hash & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if matches(entries[index]) { return entries[index].value }
            perturb >>= 5
            slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
    }

    /// `lookupName`, trying entry `hint` first and updating it to where the name was.
    @inline(__always)
    func lookupName(_ key: NameKey, hint: inout Int) -> Value? {
        guard let entries = entryBuffer else { return nil }
        if hint < entryCount, case .object(let reference) = entries[hint].key, reference.toOpaque() == key.address {
            return entries[hint].value
        }
        if slots == nil {
            for index in 0..<entryCount {
                if case .object(let reference) = entries[index].key, reference.toOpaque() == key.address {
                    hint = index
                    return entries[index].value
                }
            }
        }
        return lookupName(key)
    }

    /// Rebinds or inserts a `str` key without reference counting. Keys are matched by
    /// address (names are interned); an equal string at another address (rare) is found
    /// by its hash and text.
    @inline(__always)
    func setName(_ key: NameKey, _ value: Value) {
        let name = Unmanaged<PyStr>.fromOpaque(key.address)
        func matches(_ entry: Entry) -> Bool {
            guard case .object(let reference) = entry.key else { return false }
            if reference.toOpaque() == key.address { return true }
            guard entry.hash == key.hash, let other = entry.key.as(PyStr.self) else { return false }
            return name._withUnsafeGuaranteedRef { other.equals($0) }
        }
        var emptySlot = -1
        if let entries = entryBuffer {
            if let slots {
                let mask = slotCount - 1
                var perturb = UInt(bitPattern: key.hash)
                var slot = key.hash & mask
                while true {
                    let index = Int(slots[slot])
                    if index < 0 {
                        emptySlot = slot
                        break
                    }
                    if matches(entries[index]) {
                        entries[index].value = value
                        version &+= 1
                        return
                    }
                    perturb >>= 5
                    slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
                }
            } else {
                for index in 0..<entryCount where matches(entries[index]) {
                    entries[index].value = value
                    version &+= 1
                    return
                }
            }
        }
        insertNew(Entry(hash: key.hash, key: .object(Unmanaged<PyObject>.fromOpaque(key.address)), value: value), at: emptySlot)
    }

    /// `setName`, trying entry `hint` first and, in a small dict, updating it to where
    /// the name went: a STORE_ATTR site usually writes the same field of objects whose
    /// dicts were filled in the same order.
    @inline(__always)
    func setName(_ key: NameKey, _ value: Value, hint: inout Int) {
        if let entries = entryBuffer, hint < entryCount, case .object(let reference) = entries[hint].key,
           reference.toOpaque() == key.address {
            entries[hint].value = value
            version &+= 1
            return
        }
        setName(key, value)
        guard slots == nil, let entries = entryBuffer else { return }
        for index in 0..<entryCount {
            if case .object(let reference) = entries[index].key, reference.toOpaque() == key.address {
                hint = index
                return
            }
        }
    }

    func lookup(_ key: Value, hash: Int, vm: VM) throws(PyError) -> Value? {
        guard let index = try probe(hash, { index throws(PyError) in try vm.keysEqual(entryBuffer?[index].key ?? .null, key) }).entry else {
            return nil
        }
        return entryBuffer?[index].value
    }

    func lookup(_ key: Value, vm: VM) throws(PyError) -> Value? {
        try lookup(key, hash: try vm.hash(key), vm: vm)
    }

    func set(_ key: Value, _ value: Value, hash: Int, vm: VM) throws(PyError) {
        let found = try probe(hash) { index throws(PyError) in try vm.keysEqual(entryBuffer?[index].key ?? .null, key) }
        if let index = found.entry {
            entryBuffer?[index].value = value
            version &+= 1
            return
        }
        insertNew(Entry(hash: hash, key: key, value: value), at: found.slot)
    }

    func set(_ key: Value, _ value: Value, vm: VM) throws(PyError) {
        try set(key, value, hash: try vm.hash(key), vm: vm)
    }

    /// Sets a `str` key without the VM.
    func setString(_ key: PyStr, _ value: Value) {
        let hash = key.hashValue
        let found = try? probe(hash) { index in
            guard let other = entryBuffer?[index].key.as(PyStr.self) else { return false }
            return other.equals(key)
        }
        if let index = found?.entry {
            entryBuffer?[index].value = value
            version &+= 1
        } else {
            insertNew(Entry(hash: hash, key: Value(key), value: value), at: found?.slot ?? -1)
        }
    }

    private func emptySlot(for hash: Int) -> Int {
        guard let slots else { return 0 }
        let mask = slotCount - 1
        var perturb = UInt(bitPattern: hash)
        var slot = hash & mask
        while slots[slot] >= 0 {
            perturb >>= 5
            slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
        return slot
    }

    /// Appends an entry; `slot` is the empty index slot for it, or -1 when there is no
    /// index (or the index changed under a script `__eq__` and the slot must be found again).
    private func insertNew(_ entry: Entry, at slot: Int) {
        version &+= 1
        if entryCount == entryCapacity { growEntries() }
        guard let entries = entryBuffer else { return }
        (entries + entryCount).initialize(to: entry)
        entryCount += 1
        count += 1
        if let slots {
            slots[slot >= 0 && slot < slotCount && slots[slot] < 0 ? slot : emptySlot(for: entry.hash)] = Int32(entryCount - 1)
            if entryCount * 3 >= slotCount * 2 { rebuild(capacity: max(8, count * 3)) }
        } else if entryCount > Self.linearLimit {
            rebuild(capacity: max(16, count * 3))
        }
    }

    private func growEntries() {
        let capacity = max(6, entryCapacity * 2)
        let grown = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
        if let old = entryBuffer {
            grown.moveInitialize(from: old, count: entryCount)
            old.deallocate()
        }
        entryBuffer = grown
        entryCapacity = capacity
    }

    /// Removes `key`, returning its value.
    func remove(_ key: Value, hash: Int, vm: VM) throws(PyError) -> Value? {
        let found = try probe(hash) { index throws(PyError) in try vm.keysEqual(entryBuffer?[index].key ?? .null, key) }
        guard let index = found.entry else { return nil }
        return removeEntry(at: index)
    }

    func removeString(_ key: PyStr) -> Value? {
        let found = try? probe(key.hashValue) { index in
            guard let other = entryBuffer?[index].key.as(PyStr.self) else { return false }
            return other.equals(key)
        }
        guard let index = found?.entry else { return nil }
        return removeEntry(at: index)
    }

    /// Empties entry `index` (its slot keeps pointing at it, as a tombstone).
    @discardableResult
    func removeEntry(at index: Int) -> Value {
        version &+= 1
        guard let entries = entryBuffer, index < entryCount else { return .null }
        let value = entries[index].value
        entries[index].key = .null
        entries[index].value = .null
        count -= 1
        if count == 0 {
            clear()
        } else if entryCount > 16 && count * 4 < entryCount {
            rebuild(capacity: max(8, count * 3))
        }
        return value
    }

    func clear() {
        version &+= 1
        entryBuffer?.deallocate()
        slots?.deallocate()
        entryBuffer = nil
        slots = nil
        entryCapacity = 0
        entryCount = 0
        slotCount = 0
        count = 0
    }

    /// Rebuilds the index with room for `capacity` entries, dropping tombstones.
    private func rebuild(capacity: Int) {
        var size = 8
        while size < capacity { size <<= 1 }
        var kept = 0
        if let entries = entryBuffer {
            for index in 0..<entryCount where !entries[index].key.isNull {
                entries[kept] = entries[index]
                kept += 1
            }
        }
        entryCount = kept
        slots?.deallocate()
        if kept <= Self.linearLimit {
            slots = nil
            slotCount = 0
            return
        }
        let table = UnsafeMutablePointer<Int32>.allocate(capacity: size)
        table.initialize(repeating: -1, count: size)
        slots = table
        slotCount = size
        // Entries never exceed two thirds of the slots (insertNew rebuilds first).
        let entriesNeeded = size * 2 / 3 + 1
        if entryCapacity < entriesNeeded { resizeEntries(to: entriesNeeded) }
        guard let entries = entryBuffer else { return }
        let mask = size - 1
        for index in 0..<kept {
            var perturb = UInt(bitPattern: entries[index].hash)
            var slot = entries[index].hash & mask
            while table[slot] >= 0 {
                perturb >>= 5
                slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
            }
            table[slot] = Int32(index)
        }
    }

    /// Makes room for `capacity` entries up front (an instance dict sized like its
    /// class's earlier instances), so that filling it does not regrow it.
    func reserveEntries(_ capacity: Int) {
        if capacity > entryCapacity { resizeEntries(to: capacity) }
    }

    private func resizeEntries(to capacity: Int) {
        let grown = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
        if let old = entryBuffer {
            grown.moveInitialize(from: old, count: entryCount)
            old.deallocate()
        }
        entryBuffer = grown
        entryCapacity = capacity
    }

    /// Live entries in insertion order: a snapshot, safe to hold while scripts run.
    var liveEntries: [Entry] {
        guard let entries = entryBuffer else { return [] }
        var result: [Entry] = []
        result.reserveCapacity(count)
        for index in 0..<entryCount where !entries[index].key.isNull { result.append(entries[index]) }
        return result
    }

    var keys: [Value] { liveEntries.map(\.key) }
    var values: [Value] { liveEntries.map(\.value) }

    /// The index of the first live entry at or after `position` (for iterators).
    func nextEntry(from position: Int) -> Int? {
        guard let entries = entryBuffer else { return nil }
        var index = position
        while index < entryCount {
            if !entries[index].key.isNull { return index }
            index += 1
        }
        return nil
    }

    /// The index of the last live entry (for `popitem`).
    var lastEntryIndex: Int? {
        guard let entries = entryBuffer else { return nil }
        var index = entryCount - 1
        while index >= 0 {
            if !entries[index].key.isNull { return index }
            index -= 1
        }
        return nil
    }

    func entry(at index: Int) -> Entry { entryBuffer?[index] ?? Entry(hash: 0, key: .null, value: .null) }

    func setValue(at index: Int, _ value: Value) {
        guard index < entryCount else { return }
        entryBuffer?[index].value = value
        version &+= 1
    }

    /// Copies `other`'s entries (hashes already known).
    func update(from other: PyDict, vm: VM) throws(PyError) {
        for entry in other.liveEntries {
            try set(entry.key, entry.value, hash: entry.hash, vm: vm)
        }
    }
}
