import CoroCompiler

/// How a run of the dispatch loop ended.
enum RunOutcome {
    case returned(Value)
    case yielded(Value)
}

extension VM {
    /// The dispatch loop. It runs the top frame of the fiber, and the frames it calls,
    /// until the frame that was on top when it started (a `.native`-mode frame) returns
    /// or yields. Script calls push frames and continue here: they never recurse on
    /// the Swift stack. `pending` starts by raising that exception in the top frame.
    func run(raising pending: PyException? = nil) throws(PyError) -> RunOutcome {
        nativeDepth += 1
        defer { nativeDepth -= 1 }
        // Hot state lives in locals; objects are held unowned(unsafe) (the heap owns
        // them), so the loop does no reference counting of its own.
        let stack = frameStack
        let frames = stack.frames
        let depth = stack.depth
        // The registers of the running frame, loaded at the top of `dispatch` whenever
        // the running frame changes (calls, returns, yields, exceptions).
        var frameIndex = 0
        unowned(unsafe) var code = frames[depth.pointee - 1].code
        var instructions = code.instructions
        var constants = code.constants
        var base = frames[0].base
        var sp = base
        var ip = 0
        var keywordNames: Value = .null
        let functionType = typeAddresses.function
        let listType = typeAddresses.list
        let rangeIteratorType = typeAddresses.rangeIterator
        let listIteratorType = typeAddresses.listIterator
        let generatorType = typeAddresses.generator
        let coroutineType = typeAddresses.coroutine
        let cellType = typeAddresses.cell
        let builtinType = typeAddresses.builtinFunction
        let metatype = typeAddresses.type
        let rangeClass = Unmanaged.passUnretained(types.range).toOpaque()
        let listAppend = listAppendAddress
        unowned(unsafe) let builtins = self.builtins
        var frameLimit = self.frameLimit
        var reraising = false
        var raising = pending
        let budget = heap.budget
        let typeEpoch = self.typeEpoch
        // Values natives rooted are theirs until the loop next reaches a safepoint.
        let rootsMark = temporaryRoots.count

        dispatch: while true {
            frameIndex = depth.pointee - 1
            code = frames[frameIndex].code
            instructions = code.instructions
            constants = code.constants
            base = frames[frameIndex].base
            sp = frames[frameIndex].sp
            ip = frames[frameIndex].ip
            do throws(PyError) {
                if let exception = raising {
                    raising = nil
                    throw PyError(exception: exception)
                }
                while true {
                    let word = instructions[ip]
                    ip += 1
                    let operand = Int(word >> 8)
                    let opcode = unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self)
                    switch opcode {
                    case .nop:
                        break
                    case .popTop:
                        sp -= 1
                    case .copy:
                        sp.pointee = sp[-operand]
                        sp += 1
                    case .swap:
                        swapSlots(sp - 1, sp - operand)
                    case .pushNull:
                        sp.pointee = .null
                        sp += 1
                    case .loadConst:
                        sp.pointee = constants[operand]
                        sp += 1
                    case .loadFast:
                        let value = base[operand]
                        if case .null = value { throw unboundLocal(code, operand) }
                        sp.pointee = value
                        sp += 1
                    case .storeFast:
                        sp -= 1
                        base[operand] = sp.pointee
                    case .deleteFast:
                        if base[operand].isNull { throw unboundLocal(code, operand) }
                        base[operand] = .null
                    case .loadDeref, .storeDeref:
                        // A cell of this frame or a captured one: read or write its value in place.
                        if case .object(let reference) = base[code.localCount + operand],
                           reference._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == cellType {
                            if opcode == .storeDeref {
                                sp -= 1
                                let stored = sp.pointee
                                reference._withUnsafeGuaranteedRef { unsafeDowncast($0, to: PyCell.self).value = stored }
                                continue
                            }
                            let value = reference._withUnsafeGuaranteedRef { unsafeDowncast($0, to: PyCell.self).value }
                            if !value.isNull {
                                sp.pointee = value
                                sp += 1
                                continue
                            }
                        }
                        frames[frameIndex].sp = sp
                        try cellOperation(word, frame: frames[frameIndex], sp: &sp)
                    case .loadClosure, .loadClassDeref, .deleteDeref:
                        frames[frameIndex].sp = sp
                        try cellOperation(word, frame: frames[frameIndex], sp: &sp)
                    case .loadGlobal:
                        // Cached while neither the globals nor the builtins change.
                        let cache = code.attributeCache + (ip - 1)
                        unowned(unsafe) let globals = frames[frameIndex].globals
                        if cache.pointee.epoch == globals.version && cache.pointee.secondEpoch == builtins.version
                            && cache.pointee.type == Unmanaged.passUnretained(globals).toOpaque() {
                            sp.pointee = cache.pointee.value
                            sp += 1
                            continue
                        }
                        let key = code.nameKey(operand)
                        guard let value = globals.lookupName(key) ?? builtins.lookupName(key) else {
                            throw error("NameError", "name '\(code.name(operand).value)' is not defined")
                        }
                        cache.pointee = AttributeCache(type: Unmanaged.passUnretained(globals).toOpaque(), name: nil,
                                                       epoch: globals.version, secondEpoch: builtins.version,
                                                       kind: .classValue, value: value)
                        sp.pointee = value
                        sp += 1
                    case .storeGlobal:
                        sp -= 1
                        let key = code.nameKey(operand)
                        let value = sp.pointee
                        frames[frameIndex].globalsReference._withUnsafeGuaranteedRef { $0.setName(key, value) }
                    case .deleteGlobal:
                        let name = code.name(operand)
                        if frames[frameIndex].globals.removeString(name) == nil {
                            throw error("NameError", "name '\(name.value)' is not defined")
                        }
                    case .loadName, .storeName, .deleteName:
                        frames[frameIndex].sp = sp
                        try nameOperation(word, frame: frames[frameIndex], sp: &sp)
                    case .loadAttr:
                        let cache = code.attributeCache + (ip - 1)
                        if case .object(let reference) = sp[-1] {
                            let typePointer = reference._withUnsafeGuaranteedRef { $0.typeStorage.toOpaque() }
                            if cache.pointee.type != typePointer || cache.pointee.epoch != typeEpoch.pointee {
                                fillAttributeCache(cache, reference._withUnsafeGuaranteedRef { $0.typeStorage }, code.nameKey(operand),
                                                   forStore: false)
                            }
                            if cache.pointee.type == typePointer {
                                let found = cachedAttribute(reference, code.nameKey(operand), cache)
                                if !found.isNull {
                                    sp[-1] = found
                                    continue
                                }
                            }
                        }
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        sp[-1] = try getAttribute(sp[-1], code.name(operand))
                    case .storeAttr:
                        let cache = code.attributeCache + (ip - 1)
                        if case .object(let reference) = sp[-1] {
                            let typePointer = reference._withUnsafeGuaranteedRef { $0.typeStorage.toOpaque() }
                            if cache.pointee.type != typePointer || cache.pointee.epoch != typeEpoch.pointee {
                                fillAttributeCache(cache, reference._withUnsafeGuaranteedRef { $0.typeStorage }, code.nameKey(operand),
                                                   forStore: true)
                            }
                            if cache.pointee.type == typePointer, storeCachedSlot(reference, sp[-2], cache) {
                                sp -= 2
                                continue
                            }
                            if cache.pointee.type == typePointer, cache.pointee.kind == .instanceField {
                                let key = code.nameKey(operand)
                                let value = sp[-2]
                                if let attributes = reference._withUnsafeGuaranteedRef({ $0.attributesReference }) {
                                    attributes._withUnsafeGuaranteedRef { dict in
                                        dict.setName(key, value, hint: &cache.pointee.entryHint)
                                        reference._withUnsafeGuaranteedRef { $0.typeStorage }._withUnsafeGuaranteedRef { type in
                                            if dict.count > type.instanceAttributeCount { type.instanceAttributeCount = dict.count }
                                        }
                                    }
                                } else {
                                    let attributes = newDict()
                                    attributes.reserveEntries(reference._withUnsafeGuaranteedRef { $0.typeStorage }
                                        ._withUnsafeGuaranteedRef { $0.instanceAttributeCount })
                                    attributes.setName(key, value)
                                    reference._withUnsafeGuaranteedRef { $0.attributesReference = Unmanaged.passUnretained(attributes) }
                                }
                                sp -= 2
                                continue
                            }
                        }
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        try setAttribute(sp[-1], code.name(operand), sp[-2])
                        sp -= 2
                    case .deleteAttr:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        try deleteAttribute(sp[-1], code.name(operand))
                        sp -= 1
                    case .loadMethod:
                        let cache = code.attributeCache + (ip - 1)
                        let receiver = sp[-1]
                        if case .object(let reference) = receiver {
                            let typePointer = reference._withUnsafeGuaranteedRef { $0.typeStorage.toOpaque() }
                            if cache.pointee.type != typePointer || cache.pointee.epoch != typeEpoch.pointee {
                                let plain = reference._withUnsafeGuaranteedRef { !($0 is PyType || $0 is PyBox) }
                                if plain {
                                    fillAttributeCache(cache, reference._withUnsafeGuaranteedRef { $0.typeStorage }, code.nameKey(operand),
                                                       forStore: false)
                                }
                            }
                            if cache.pointee.type == typePointer, cache.pointee.kind == .method,
                               instanceAttribute(reference, code.nameKey(operand)).isNull {
                                storePair(sp - 1, cache.pointee.value, receiver)
                                sp += 1
                                continue
                            }
                            if cache.pointee.type == typePointer, cache.pointee.kind == .moduleEntry {
                                let found = cachedAttribute(reference, code.nameKey(operand), cache)
                                if !found.isNull {
                                    storePair(sp - 1, found, .null)
                                    sp += 1
                                    continue
                                }
                            }
                        }
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        let name = code.name(operand)
                        let method = plainMethod(receiver, name)
                        if method.isNull {
                            storePair(sp - 1, try getAttribute(receiver, name), .null)
                        } else {
                            storePair(sp - 1, method, receiver)
                        }
                        sp += 1
                    case .binarySubscr:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        let container = sp[-2]
                        if case .object(let reference) = container, case .int(let index) = sp[-1],
                           reference._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == listType {
                            let item: Value = reference._withUnsafeGuaranteedRef { object in
                                let list = unsafeDowncast(object, to: PyList.self)
                                let count = list.items.count
                                let position = index < 0 ? index + count : index
                                return position >= 0 && position < count ? list.items[position] : .null
                            }
                            if item.isNull { throw error("IndexError", "list index out of range") }
                            sp[-2] = item
                        } else {
                            sp[-2] = try getItem(container, sp[-1])
                        }
                        sp -= 1
                    case .storeSubscr:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        if case .object(let reference) = sp[-2], case .int(let index) = sp[-1],
                           reference._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == listType {
                            let value = sp[-3]
                            let stored: Bool = reference._withUnsafeGuaranteedRef { object in
                                let list = unsafeDowncast(object, to: PyList.self)
                                let position = index < 0 ? index + list.items.count : index
                                guard position >= 0 && position < list.items.count else { return false }
                                list.items[position] = value
                                return true
                            }
                            if !stored { throw error("IndexError", "list assignment index out of range") }
                        } else {
                            try setItem(sp[-2], sp[-1], sp[-3])
                        }
                        sp -= 3
                    case .deleteSubscr:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        try deleteItem(sp[-2], sp[-1])
                        sp -= 2
                    case .binarySlice:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        if let result = try sliceExact(sp[-3], sp[-2], sp[-1]) {
                            sp[-3] = result
                        } else {
                            // The slice object stays on the stack (rooted) while __getitem__ runs.
                            sp[-2] = Value(heap.register(PySlice(type: types.slice, start: sp[-2], stop: sp[-1], step: .none)))
                            sp[-3] = try getItem(sp[-3], sp[-2])
                        }
                        sp -= 2
                    case .buildSlice:
                        let step: Value = operand == 3 ? sp[-1] : .none
                        let made = heap.register(PySlice(type: types.slice, start: sp[-operand], stop: sp[1 - operand], step: step))
                        sp -= operand
                        sp.pointee = Value(made)
                        sp += 1
                    case .kwNames:
                        keywordNames = constants[operand]
                    case .call, .callMethod:
                        // CALL: [callable, args...]; CALL_METHOD: [method, receiver or null, args...].
                        let isMethod = opcode == .callMethod
                        let receiverSlot = sp - operand - (isMethod ? 2 : 1)
                        let callable = receiverSlot.pointee
                        let count = isMethod && !receiverSlot[1].isNull ? operand + 1 : operand
                        let arguments = sp - count
                        let names = keywordNames
                        keywordNames = .null
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        if names.isNull, case .object(let reference) = callable,
                           reference._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == functionType {
                            let function = Unmanaged<PyFunction>.fromOpaque(reference.toOpaque())
                            let callee = function._withUnsafeGuaranteedRef { Unmanaged.passUnretained($0.code) }
                            if callee._withUnsafeGuaranteedRef({ $0.isSimple && $0.argumentCount == count }) {
                                // Fast path: exact positional arguments to a plain function.
                                try pushFrame(callee, of: function, arguments: arguments, count: count,
                                              instance: .null, returnSlot: receiverSlot, mode: .call, above: frameIndex,
                                              limit: frameLimit, on: stack)
                                if budget.pointee <= 0 { try safepoint(keepingRoots: rootsMark) }
                                continue dispatch
                            }
                        }
                        if names.isNull, count == 2, case .object(let reference) = callable, reference.toOpaque() == listAppend,
                           case .object(let target) = arguments[0],
                           target._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == listType {
                            // `items.append(x)` on an exact list, as CPython 3.11 specializes it.
                            let item = arguments[1]
                            target._withUnsafeGuaranteedRef { unsafeDowncast($0, to: PyList.self).items.append(item) }
                            receiverSlot.pointee = .none
                            sp = receiverSlot + 1
                            continue
                        }
                        if names.isNull, case .object(let reference) = callable, reference.toOpaque() == rangeClass,
                           let range = makeRange(UnsafeBufferPointer(start: arguments, count: count)) {
                            // `range(n)` and `range(a, b)` of ints, as in every counted loop.
                            receiverSlot.pointee = range
                            sp = receiverSlot + 1
                            continue
                        }
                        if names.isNull, case .object(let reference) = callable,
                           reference._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == metatype {
                            // Calling a plain class whose __init__ takes exactly these arguments:
                            // make the instance and run __init__ as a frame of this loop.
                            unowned(unsafe) let type = unsafeDowncast(reference.takeUnretainedValue(), to: PyType.self)
                            if let initializerReference = directInitializer(type) {
                                let callee = initializerReference._withUnsafeGuaranteedRef { Unmanaged.passUnretained($0.code) }
                                if callee._withUnsafeGuaranteedRef({ $0.isSimple && $0.argumentCount == count + 1 }) {
                                    let instance = type.layout == .exception
                                        ? Value(heap.register(PyException(type: type, args: Array(UnsafeBufferPointer(start: arguments, count: count)))))
                                        : Value(newInstance(type))
                                    try pushFrame(callee, of: initializerReference, arguments: arguments, count: count,
                                                  instance: instance, returnSlot: receiverSlot, mode: .initializer,
                                                  above: frameIndex, limit: frameLimit, on: stack)
                                    if budget.pointee <= 0 { try safepoint(keepingRoots: rootsMark) }
                                    continue dispatch
                                }
                            }
                        }
                        let buffer = UnsafeBufferPointer(start: arguments, count: count)
                        if names.isNull, case .object(let reference) = callable,
                           reference._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == builtinType {
                            // A builtin function or unbound builtin method: call its Swift code directly.
                            unowned(unsafe) let builtin = unsafeDowncast(reference.takeUnretainedValue(), to: PyBuiltin.self)
                            if builtin.receiver.isNull {
                                // The usual exact receiver is checked here, without passing the
                                // builtin on (which counts a reference).
                                if builtin.checksReceiver && !isExactReceiver(buffer, builtin.ownerAddress) {
                                    try checkReceiver(of: builtin, buffer)
                                }
                                let result = try builtin.function(self, Arguments(values: buffer, keywordNames: []))
                                frameLimit = self.frameLimit
                                receiverSlot.pointee = result
                                sp = receiverSlot + 1
                                continue
                            }
                        }
                        let result = try callFromLoop(callable, buffer, keywordList(names), returnSlot: receiverSlot)
                        frameLimit = self.frameLimit
                        guard let result else {
                            // A frame was pushed: continue in it.
                            continue dispatch
                        }
                        receiverSlot.pointee = result
                        sp = receiverSlot + 1
                    case .callEx:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        let hasKeywords = operand & 1 != 0
                        let slot = sp - (hasKeywords ? 3 : 2)
                        let result = try callWithUnpacking(slot.pointee, slot[1], hasKeywords ? slot[2] : .null)
                        slot.pointee = result
                        sp = slot + 1
                    case .binaryOp:
                        let left = sp[-2]
                        let right = sp[-1]
                        if case .int(let a) = left, case .int(let b) = right {
                            switch operand & 15 {
                            case BinaryOperation.add.rawValue:
                                let (sum, overflow) = a.addingReportingOverflow(b)
                                if !overflow {
                                    sp[-2] = .int(sum)
                                    sp -= 1
                                    continue
                                }
                            case BinaryOperation.sub.rawValue:
                                let (difference, overflow) = a.subtractingReportingOverflow(b)
                                if !overflow {
                                    sp[-2] = .int(difference)
                                    sp -= 1
                                    continue
                                }
                            case BinaryOperation.mul.rawValue:
                                let (product, overflow) = a.multipliedReportingOverflow(by: b)
                                if !overflow {
                                    sp[-2] = .int(product)
                                    sp -= 1
                                    continue
                                }
                            case BinaryOperation.mod.rawValue, BinaryOperation.floorDiv.rawValue:
                                // b == 0 and Int.min // -1 take the general path (an error, a big int).
                                if b != 0 && !(a == Int.min && b == -1) {
                                    let (quotient, remainder) = floorDivide(a, b)
                                    sp[-2] = .int(operand & 15 == BinaryOperation.mod.rawValue ? remainder : quotient)
                                    sp -= 1
                                    continue
                                }
                            default:
                                break
                            }
                        } else if let (a, b) = floatOperands(left, right) {
                            switch operand & 15 {
                            case BinaryOperation.add.rawValue:
                                sp[-2] = .float(a + b)
                                sp -= 1
                                continue
                            case BinaryOperation.sub.rawValue:
                                sp[-2] = .float(a - b)
                                sp -= 1
                                continue
                            case BinaryOperation.mul.rawValue:
                                sp[-2] = .float(a * b)
                                sp -= 1
                                continue
                            case BinaryOperation.trueDiv.rawValue where b != 0:
                                sp[-2] = .float(a / b)
                                sp -= 1
                                continue
                            default:
                                break
                            }
                        }
                        if let result = mediumBinary(left, right, operand) {
                            sp[-2] = result
                            sp -= 1
                            continue
                        }
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        sp[-2] = try binaryOperation(left, right, operand)
                        sp -= 1
                    case .compareOp:
                        let left = sp[-2]
                        let right = sp[-1]
                        if case .int(let a) = left, case .int(let b) = right {
                            sp[-2] = .bool(compareInts(a, b, operand))
                        } else if case .float(let a) = left, case .float(let b) = right {
                            sp[-2] = .bool(compareFloats(a, b, operand))
                        } else if let result = withExactStrings(left, right, { s, t in
                            compareStrings(s, t, ComparisonOperation(rawValue: operand) ?? .eq)
                        }) {
                            sp[-2] = .bool(result)
                        } else {
                            frames[frameIndex].sp = sp
                            frames[frameIndex].ip = ip
                            sp[-2] = try compare(left, right, ComparisonOperation(rawValue: operand) ?? .eq)
                        }
                        sp -= 1
                    case .isOp:
                        let same = sp[-2].isIdentical(to: sp[-1])
                        sp[-2] = .bool(same != (operand == 1))
                        sp -= 1
                    case .containsOp:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        let found = try contains(sp[-1], sp[-2])
                        sp[-2] = .bool(found != (operand == 1))
                        sp -= 1
                    case .unaryNot:
                        let value = sp[-1]
                        if case .bool(let flag) = value {
                            sp[-1] = .bool(!flag)
                        } else {
                            frames[frameIndex].sp = sp
                            frames[frameIndex].ip = ip
                            sp[-1] = .bool(!(try isTrue(value)))
                        }
                    case .unaryNegative, .unaryPositive, .unaryInvert:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        sp[-1] = try unaryOperation(sp[-1], opcode)
                    case .jump:
                        if operand < ip && budget.pointee <= 0 {
                            frames[frameIndex].sp = sp
                            frames[frameIndex].ip = ip
                            try safepoint(keepingRoots: rootsMark)
                        }
                        ip = operand
                    case .popJumpIfFalse, .popJumpIfTrue:
                        sp -= 1
                        let value = sp.pointee
                        let truth: Bool
                        if case .bool(let flag) = value {
                            truth = flag
                        } else {
                            frames[frameIndex].sp = sp + 1
                            frames[frameIndex].ip = ip
                            truth = try isTrue(value)
                        }
                        if truth == (opcode == .popJumpIfTrue) { ip = operand }
                    case .jumpIfFalseOrPop, .jumpIfTrueOrPop:
                        let value = sp[-1]
                        let truth: Bool
                        if case .bool(let flag) = value {
                            truth = flag
                        } else {
                            frames[frameIndex].sp = sp
                            frames[frameIndex].ip = ip
                            truth = try isTrue(value)
                        }
                        if truth == (opcode == .jumpIfTrueOrPop) {
                            ip = operand
                        } else {
                            sp -= 1
                        }
                    case .getIter:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        sp[-1] = try iterate(sp[-1])
                    case .forIter:
                        let iterator = sp[-1]
                        if case .object(let reference) = iterator {
                            let typePointer = reference._withUnsafeGuaranteedRef { $0.typeStorage.toOpaque() }
                            if typePointer == rangeIteratorType {
                                let next: Int? = reference._withUnsafeGuaranteedRef { object in
                                    let box = unsafeDowncast(object, to: PyBox.self)
                                    guard box.remaining > 0 else { return nil }
                                    box.remaining -= 1
                                    let current = box.state
                                    box.state = current &+ box.step
                                    return current
                                }
                                if let next {
                                    sp.pointee = .int(next)
                                    sp += 1
                                } else {
                                    sp -= 1
                                    ip = operand
                                }
                                continue
                            }
                            if typePointer == listIteratorType {
                                let item: Value = reference._withUnsafeGuaranteedRef { object in
                                    let box = unsafeDowncast(object, to: PyBox.self)
                                    if case .object(let listReference) = box.subject {
                                        let position = box.state
                                        let found: Value = listReference._withUnsafeGuaranteedRef { list in
                                            let items = unsafeDowncast(list, to: PyList.self)
                                            return position < items.items.count ? items.items[position] : .null
                                        }
                                        if !found.isNull {
                                            box.state = position + 1
                                            return found
                                        }
                                    }
                                    box.subject = .none
                                    return .null
                                }
                                if item.isNull {
                                    sp -= 1
                                    ip = operand
                                } else {
                                    sp.pointee = item
                                    sp += 1
                                }
                                continue
                            }
                            if typePointer == generatorType {
                                frames[frameIndex].sp = sp
                                frames[frameIndex].ip = ip
                                if try resumeInline(Unmanaged<PyGenerator>.fromOpaque(reference.toOpaque()), sending: .none,
                                                    mode: .forIter, returnSlot: sp) {
                                    continue dispatch
                                } else {
                                    sp -= 1
                                    ip = operand
                                }
                                continue
                            }
                        }
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        if let next = try nextItem(iterator) {
                            sp.pointee = next
                            sp += 1
                        } else {
                            sp -= 1
                            ip = operand
                        }
                    case .buildTuple:
                        let items = Array(UnsafeBufferPointer(start: sp - operand, count: operand))
                        sp -= operand
                        sp.pointee = tuple(items)
                        sp += 1
                    case .buildList:
                        let items = Array(UnsafeBufferPointer(start: sp - operand, count: operand))
                        sp -= operand
                        sp.pointee = list(items)
                        sp += 1
                    case .buildSet, .buildMap, .buildString, .listAppend, .setAdd, .mapAdd, .listExtend,
                         .setUpdate, .dictUpdate, .dictMerge, .listToTuple, .unpackSequence, .unpackEx, .formatValue:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        try buildOperation(word, sp: &sp)
                    case .makeFunction:
                        frames[frameIndex].sp = sp
                        sp = try makeFunction(operand, sp: sp, globals: frames[frameIndex].globals)
                    case .loadBuildClass:
                        sp.pointee = builtins.lookupString(names.buildClass) ?? .none
                        sp += 1
                    case .returnValue:
                        let result = sp[-1]
                        depth.pointee = frameIndex
                        let finished = frames[frameIndex]
                        if let generator = finished.generator {
                            generator._withUnsafeGuaranteedRef { $0.finish() }
                            switch finished.mode {
                            case .forIter:
                                // The generator is exhausted: the loop pops it and jumps past its end.
                                frames[frameIndex - 1].sp = finished.returnSlot - 1
                                frames[frameIndex - 1].ip = jumpTarget(of: frames[frameIndex - 1])
                                continue dispatch
                            case .send:
                                // `yield from` is done: its value replaces the receiver.
                                finished.returnSlot[-1] = result
                                frames[frameIndex - 1].sp = finished.returnSlot
                                frames[frameIndex - 1].ip = jumpTarget(of: frames[frameIndex - 1])
                                continue dispatch
                            case .native, .call, .initializer:
                                break
                            }
                        }
                        switch finished.mode {
                        case .native:
                            return .returned(result)
                        case .initializer:
                            guard case .none = result else {
                                depth.pointee = frameIndex + 1
                                throw error("TypeError", "__init__() should return None, not '\(typeName(result))'")
                            }
                            finished.returnSlot.pointee = finished.instance
                        default:
                            finished.returnSlot.pointee = result
                        }
                        frames[frameIndex - 1].sp = finished.returnSlot + 1
                        continue dispatch
                    case .yieldValue:
                        let value = sp[-1]
                        sp -= 1
                        depth.pointee = frameIndex
                        let suspended = frames[frameIndex]
                        guard let reference = suspended.generator else { return .yielded(value) }
                        let exception = currentException
                        reference._withUnsafeGuaranteedRef { generator in
                            generator.ip = ip
                            generator.stackTop = sp - generator.slots
                            generator.state = .suspended
                            generator.savedException = exception
                            generator.yieldedValue = operand != 0
                        }
                        switch suspended.mode {
                        case .native, .call, .initializer:
                            return .yielded(value)
                        case .forIter, .send:
                            suspended.returnSlot.pointee = value
                            frames[frameIndex - 1].sp = suspended.returnSlot + 1
                            continue dispatch
                        }
                    case .getYieldFromIter, .getAwaitable:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        sp[-1] = try yieldFromIterator(sp[-1], awaiting: opcode == .getAwaitable)
                    case .send:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        let receiver = sp[-2]
                        if case .object(let object) = receiver,
                           object._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() == coroutineType || $0.typeStorage.toOpaque() == generatorType }),
                           case let generator = Unmanaged<PyGenerator>.fromOpaque(object.toOpaque()),
                           generator._withUnsafeGuaranteedRef({ $0.state != .running && $0.state != .finished }) {
                            if try resumeInline(generator, sending: sp[-1], mode: .send, returnSlot: sp - 1) {
                                continue dispatch
                            }
                            continue
                        }
                        if sp[-1].isNone, let box = receiver.as(PyBox.self), box.type.isBuiltin, !box.kind.isAwaitable {
                            // `yield from` over a builtin iterator (a list, a range...).
                            if let item = try nextItem(receiver) {
                                sp[-1] = item
                            } else {
                                sp[-2] = .none
                                sp -= 1
                                ip = operand
                            }
                            continue
                        }
                        switch try sendNative(receiver, sp[-1]) {
                        case .yielded(let value):
                            sp[-1] = value
                        case .returned(let value):
                            sp[-2] = value
                            sp -= 1
                            ip = operand
                        }
                    case .raiseVarargs:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        if operand == 0 {
                            guard let active = currentException.as(PyException.self) else {
                                throw error("RuntimeError", "No active exception to reraise")
                            }
                            reraising = true
                            throw PyError(exception: active)
                        }
                        let cause: Value = operand == 2 ? sp[-1] : .null
                        throw PyError(exception: try exceptionToRaise(sp[-operand], cause: cause))
                    case .reraise:
                        sp -= 1
                        guard let exception = sp.pointee.as(PyException.self) else {
                            throw error("SystemError", "bad RERAISE")
                        }
                        reraising = true
                        throw PyError(exception: exception)
                    case .pushExcInfo:
                        let exception = sp[-1]
                        storePair(sp - 1, currentException, exception)
                        sp += 1
                        currentException = exception
                    case .popExcept:
                        sp -= 1
                        currentException = sp.pointee
                    case .checkExcMatch:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        sp[-1] = .bool(try exceptionMatches(sp[-2], sp[-1]))
                    case .beforeWith:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        sp.pointee = try enterContext(at: sp - 1)
                        sp += 1
                    case .withExceptStart:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        sp.pointee = try exitContext(sp[-3], sp[-1])
                        sp += 1
                    case .loadAssertionError:
                        sp.pointee = Value(types[exception: "AssertionError"])
                        sp += 1
                    case .importName, .importFrom, .importStar:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        try importOperation(word, frame: frames[frameIndex], sp: &sp)
                    case .printExpr:
                        sp -= 1
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        try printExpressionResult(sp.pointee)
                    case .getAIter, .getANext, .beforeAsyncWith, .endAsyncFor:
                        frames[frameIndex].sp = sp
                        frames[frameIndex].ip = ip
                        try asyncOperation(word, sp: &sp)
                    }
                }
            } catch let thrown {
                frames[frameIndex].sp = sp
                frames[frameIndex].ip = ip
                let wasReraised = reraising
                reraising = false
                if !wasReraised { recordRaise(thrown.exception) }
                try unwind(thrown.exception, addTraceback: !wasReraised)
                keywordNames = .null
            }
        }
    }
}
