import CoroCompiler

extension VM {
    /// Calls `callable` from the dispatch loop. Script functions get a frame pushed
    /// (returns nil: the loop continues in it); everything else runs now and returns
    /// its result.
    func callFromLoop(_ callable: Value, _ arguments: UnsafeBufferPointer<Value>, _ keywordNames: [PyStr],
                      returnSlot: UnsafeMutablePointer<Value>) throws(PyError) -> Value? {
        guard case .object(let reference) = callable else {
            throw typeError("'\(typeName(callable))' object is not callable")
        }
        if reference._withUnsafeGuaranteedRef({ $0.typeStorage.toOpaque() }) == typeAddresses.function {
            let function = Unmanaged<PyFunction>.fromOpaque(reference.toOpaque())
            if function._withUnsafeGuaranteedRef({ $0.code.isGeneratorLike }) {
                return try makeGenerator(function, arguments, keywordNames)
            }
        }
        let object = reference.takeUnretainedValue()
        if let function = object as? PyFunction {
            return try enterFunction(function, arguments, keywordNames, mode: .call, returnSlot: returnSlot)
        }
        if let method = object as? PyMethod {
            return try withReceiver(method.receiver, arguments) { buffer throws(PyError) in
                try callFromLoop(method.function, buffer, keywordNames, returnSlot: returnSlot)
            }
        }
        if let type = object as? PyType {
            return try instantiate(type, arguments, keywordNames, returnSlot: returnSlot)
        }
        return try callObject(object, arguments, keywordNames)
    }

    /// Calls anything from native code, running script code to completion.
    func call(_ callable: Value, _ arguments: [Value], keywordNames: [PyStr] = []) throws(PyError) -> Value {
        try withRoots(arguments) { () throws(PyError) -> Value in
            try arguments.withUnsafeBufferPointer { buffer throws(PyError) in
                try call(callable, buffer, keywordNames)
            }
        }
    }

    func call(_ callable: Value, _ arguments: UnsafeBufferPointer<Value>, _ keywordNames: [PyStr]) throws(PyError) -> Value {
        guard case .object(let reference) = callable else {
            throw typeError("'\(typeName(callable))' object is not callable")
        }
        let object = reference.takeUnretainedValue()
        if let function = object as? PyFunction {
            if let generator = try enterFunction(function, arguments, keywordNames, mode: .native, returnSlot: nil) {
                return generator
            }
            return try finishNativeRun()
        }
        if let method = object as? PyMethod {
            return try withReceiver(method.receiver, arguments) { buffer throws(PyError) in
                try call(method.function, buffer, keywordNames)
            }
        }
        if let type = object as? PyType {
            if let result = try instantiate(type, arguments, keywordNames, returnSlot: nil) { return result }
            return try finishNativeRun()
        }
        return try callObject(object, arguments, keywordNames)
    }

    /// Runs the frame just pushed in `.native` mode and returns its result.
    func finishNativeRun() throws(PyError) -> Value {
        switch try run() {
        case .returned(let value), .yielded(let value): return value
        }
    }

    /// The builtin methods that CPython implements as slot wrappers (the operators).
    static let slotWrapperNames: Set<String> = Set(binaryDunderNames.flatMap { [$0.0, $0.1] } + ["__neg__", "__pos__", "__invert__", "__init__"])

    /// An unbound builtin method's first argument is an instance of its class.
    func checkReceiver(of builtin: PyBuiltin, _ arguments: UnsafeBufferPointer<Value>) throws(PyError) {
        if isExactReceiver(arguments, builtin.ownerAddress) { return }
        guard let owner = builtin.owner else { return }
        guard let first = arguments.first else {
            throw typeError("unbound method \(owner.name).\(builtin.name)() needs an argument")
        }
        let type = typeOf(first)
        if type === owner || type.isSubtype(of: owner) { return }
        throw descriptorMismatch(builtin.name, owner, first)
    }

    /// Whether the first argument is exactly of the class at `ownerAddress` (the usual
    /// case of the receiver check), found without reference counting.
    @inline(__always)
    func isExactReceiver(_ arguments: UnsafeBufferPointer<Value>, _ ownerAddress: UnsafeMutableRawPointer?) -> Bool {
        guard case .object(let receiver) = arguments.first else { return false }
        return receiver._withUnsafeGuaranteedRef { $0.typeStorage.toOpaque() } == ownerAddress
    }

    /// "descriptor 'done' for '_asyncio.Future' objects doesn't apply to a 'int' object".
    func descriptorMismatch(_ method: String, _ owner: PyType, _ receiver: Value) -> PyError {
        // Future and Task are C types in CPython, named with their module.
        let shown = owner === asyncioCore?.future || owner === asyncioCore?.task ? "_asyncio.\(owner.name)" : owner.name
        if VM.slotWrapperNames.contains(method) {
            // The operator methods are slot wrappers in CPython, with their own wording.
            return typeError("descriptor '\(method)' requires a '\(shown)' object but received a '\(typeName(receiver))'")
        }
        return typeError("descriptor '\(method)' for '\(shown)' objects doesn't apply to a '\(typeName(receiver))' object")
    }

    /// Builtins, bound builtins and objects with `__call__`.
    private func callObject(_ object: PyObject, _ arguments: UnsafeBufferPointer<Value>, _ keywordNames: [PyStr]) throws(PyError) -> Value {
        if let builtin = object as? PyBuiltin {
            if builtin.receiver.isNull {
                if builtin.checksReceiver { try checkReceiver(of: builtin, arguments) }
                return try builtin.function(self, Arguments(values: arguments, keywordNames: keywordNames))
            }
            return try withReceiver(builtin.receiver, arguments) { buffer throws(PyError) in
                try builtin.function(self, Arguments(values: buffer, keywordNames: keywordNames))
            }
        }
        if let box = object as? PyBox, let result = try callBox(box, arguments, keywordNames) {
            return result
        }
        if let method = object.type.lookup(names.call) {
            return try withReceiver(Value(object), arguments) { buffer throws(PyError) in
                try call(method, buffer, keywordNames)
            }
        }
        throw typeError("'\(object.type.name)' object is not callable")
    }

    /// Runs `body` with `receiver` put before `arguments`: the self of a bound method or
    /// builtin, or the object whose `__call__` runs.
    private func withReceiver<T>(_ receiver: Value, _ arguments: UnsafeBufferPointer<Value>,
                                 _ body: (UnsafeBufferPointer<Value>) throws(PyError) -> T) throws(PyError) -> T {
        var all = [receiver]
        all.append(contentsOf: arguments)
        return try all.withUnsafeBufferPointer { buffer throws(PyError) in try body(buffer) }
    }

    /// Binds arguments and pushes a frame for `function` (returns nil), or returns the
    /// generator/coroutine object a generator function makes.
    func enterFunction(_ function: PyFunction, _ arguments: UnsafeBufferPointer<Value>, _ keywordNames: [PyStr],
                       mode: FrameMode, returnSlot: UnsafeMutablePointer<Value>?,
                       namespace: PyDict? = nil) throws(PyError) -> Value? {
        let code = function.code
        if code.isGeneratorLike {
            return try makeGenerator(Unmanaged.passUnretained(function), arguments, keywordNames)
        }
        let stack = frameStack
        let slotTop = stack.slotTop
        guard slotTop + code.frameSize <= stack.slotsEnd, stack.depth.pointee < frameLimit else { throw recursionError() }
        try bindArguments(function, arguments, keywordNames, into: slotTop)
        if code.derefCount > 0 { prepareCells(Unmanaged.passUnretained(function), base: slotTop) }
        let stackStart = slotTop + code.localCount + code.derefCount
        stack.push(Frame(
            code: code, base: slotTop, sp: stackStart, ip: 0, returnSlot: returnSlot ?? stackStart,
            globalsReference: function.globalsReference, namespace: namespace.map(Unmanaged.passUnretained), generator: nil,
            mode: mode, instance: .null, slotTop: slotTop + code.frameSize))
        return nil
    }

    /// The generator, coroutine or async generator a call of a generator function makes,
    /// its arguments bound into the generator's own slots. Unmanaged throughout: every
    /// `await f()` makes one, and reference counting was a third of that.
    private func makeGenerator(_ function: Unmanaged<PyFunction>, _ arguments: UnsafeBufferPointer<Value>,
                               _ keywordNames: [PyStr]) throws(PyError) -> Value {
        let code = function._withUnsafeGuaranteedRef { Unmanaged.passUnretained($0.code) }
        let flags = code._withUnsafeGuaranteedRef { $0.flags }
        let isCoroutine = flags.contains(.coroutine)
        let generatorType = isCoroutine ? typeAddresses.coroutine
            : flags.contains(.asyncGenerator) ? typeAddresses.asyncGenerator : typeAddresses.generator
        let generator = Unmanaged.passUnretained(heap.register(PyGenerator(type: Unmanaged.fromOpaque(generatorType), function: function)))
        let slots = generator._withUnsafeGuaranteedRef { $0.slots }
        let depth = frameStack.depth.pointee
        if isCoroutine, depth > 0 {
            let caller = frameStack.frames + (depth - 1)
            let site = (Unmanaged.passUnretained(caller.pointee.code), caller.pointee.currentInstruction)
            generator._withUnsafeGuaranteedRef { $0.creationSite = site }
            coroutinesMade = true
        }
        let simple = code._withUnsafeGuaranteedRef { $0.hasSimpleParameters && arguments.count == $0.argumentCount }
        if simple && keywordNames.isEmpty {
            // Exact positional arguments: the common `await f(x)` needs no binding rules.
            for index in 0..<arguments.count { slots[index] = arguments[index] }
        } else {
            try bindArguments(function.takeUnretainedValue(), arguments, keywordNames, into: slots)
        }
        if code._withUnsafeGuaranteedRef({ $0.derefCount > 0 }) { prepareCells(function, base: slots) }
        return Value(generator.takeUnretainedValue())
    }

    /// Creates the cells of a new frame (parameters that are captured start with their
    /// argument) and copies in the closure's free variables.
    func prepareCells(_ reference: Unmanaged<PyFunction>, base: UnsafeMutablePointer<Value>) {
        reference._withUnsafeGuaranteedRef { function in prepareCells(of: function, base: base) }
    }

    private func prepareCells(of function: PyFunction, base: UnsafeMutablePointer<Value>) {
        let code = function.code
        let cellCount = code.code.cellNames.count
        for index in 0..<cellCount {
            let parameter = code.code.cellParameters[index]
            let initial: Value = parameter >= 0 ? base[parameter] : .null
            base[code.localCount + index] = Value(heap.register(PyCell(type: types.cell, initial)))
        }
        for (index, cell) in function.closure.enumerated() where cellCount + index < code.derefCount {
            base[code.localCount + cellCount + index] = Value(cell)
        }
    }

    /// Resumes `generator` as a frame of the running loop; false if it has finished.
    func resumeInline(_ generator: PyGenerator, sending value: Value, mode: FrameMode,
                      returnSlot: UnsafeMutablePointer<Value>) throws(PyError) -> Bool {
        try resumeInline(Unmanaged.passUnretained(generator), sending: value, mode: mode, returnSlot: returnSlot)
    }

    /// The same for the dispatch loop, which holds generators unmanaged: resuming one
    /// (every `for` step over a generator, every `await`) counts no references.
    @inline(__always)
    func resumeInline(_ reference: Unmanaged<PyGenerator>, sending value: Value, mode: FrameMode,
                      returnSlot: UnsafeMutablePointer<Value>) throws(PyError) -> Bool {
        // Generator fields are read and written inside `_withUnsafeGuaranteedRef`, the
        // one way Swift touches an unmanaged object without retaining it.
        let state = reference._withUnsafeGuaranteedRef { $0.state }
        if state != .suspended && (state != .created || !value.isNone) {
            let kind = reference._withUnsafeGuaranteedRef { $0.typeStorage.toOpaque() } == typeAddresses.coroutine
                ? "coroutine" : "generator"
            switch state {
            case .finished:
                if kind == "coroutine" { throw error("RuntimeError", "cannot reuse already awaited coroutine") }
                return false
            case .running:
                throw error("ValueError", "\(kind) already executing")
            default:
                throw typeError("can't send non-None value to a just-started \(kind)")
            }
        }
        let stack = frameStack
        guard stack.depth.pointee < frameLimit else { throw recursionError() }
        let slotTop = stack.slotTop
        let frame = reference._withUnsafeGuaranteedRef { generator in
            if generator.state == .suspended {
                generator.slots[generator.stackTop] = value
                generator.stackTop += 1
            }
            generator.state = .running
            return Frame(
                code: generator.code, base: generator.slots, sp: generator.slots + generator.stackTop, ip: generator.ip,
                returnSlot: returnSlot, globalsReference: generator.globalsReference, namespace: nil,
                generator: reference, mode: mode, instance: .null, slotTop: slotTop)
        }
        stack.push(frame)
        return true
    }

    /// Resumes a generator from native code (`next`, `send`, `throw`).
    func resumeGenerator(_ generator: PyGenerator, sending value: Value, throwing exception: PyException? = nil) throws(PyError) -> RunOutcome {
        if exception == nil { return try resumeGenerator(Unmanaged.passUnretained(generator), sending: value) }
        if let exception, generator.state == .created {
            generator.finish()
            throw PyError(exception: exception)
        }
        do {
            var slot = Value.null
            let resumed = try withUnsafeMutablePointer(to: &slot) { pointer throws(PyError) in
                try resumeInline(generator, sending: exception == nil ? value : .none, mode: .native, returnSlot: pointer)
            }
            guard resumed else { return .returned(.none) }
            if exception != nil && generator.ip > 0 {
                // Throwing replaces the sent value: raise at the suspended yield.
                generator.stackTop -= 1
                fiber.frames[fiber.count - 1].sp -= 1
            }
            return try run(raising: exception)
        }
    }

    /// `send(value)` from native code (`next`, `sum` over a generator...), counting no
    /// references.
    func resumeGenerator(_ generator: Unmanaged<PyGenerator>, sending value: Value) throws(PyError) -> RunOutcome {
        var slot = Value.null
        let resumed = try withUnsafeMutablePointer(to: &slot) { pointer throws(PyError) in
            try resumeInline(generator, sending: value, mode: .native, returnSlot: pointer)
        }
        guard resumed else { return .returned(.none) }
        return try run()
    }

    /// Binds call arguments to a function's parameters, as CPython does, with its
    /// messages for each mistake.
    func bindArguments(_ function: PyFunction, _ arguments: UnsafeBufferPointer<Value>, _ keywordNames: [PyStr],
                       into slots: UnsafeMutablePointer<Value>) throws(PyError) {
        let code = function.code.code
        let positionalCount = code.argumentCount
        let keywordOnlyCount = code.keywordOnlyCount
        let totalLocals = function.code.localCount + function.code.derefCount
        for index in 0..<totalLocals { slots[index] = .null }
        let given = arguments.count - keywordNames.count
        let hasVarArgs = code.flags.contains(.varArgs)
        let hasVarKeywords = code.flags.contains(.varKeywords)
        let varArgsSlot = positionalCount + keywordOnlyCount
        let varKeywordsSlot = varArgsSlot + (hasVarArgs ? 1 : 0)
        let name = function.qualifiedName
        for index in 0..<min(given, positionalCount) { slots[index] = arguments[index] }
        if given > positionalCount {
            if hasVarArgs {
                slots[varArgsSlot] = tuple(Array(arguments[positionalCount..<given]))
            } else {
                let keywordOnlyGiven = keywordNames.filter { keyword in
                    code.localNames[positionalCount..<positionalCount + keywordOnlyCount].contains(keyword.value)
                }.count
                let takes = function.defaults.isEmpty
                    ? "\(positionalCount)" : "from \(positionalCount - function.defaults.count) to \(positionalCount)"
                let plural = positionalCount == 1 && function.defaults.isEmpty ? "" : "s"
                var message = "\(name)() takes \(takes) positional argument\(plural) but \(given)"
                if keywordOnlyGiven > 0 {
                    message += " positional argument\(given == 1 ? "" : "s") (and \(keywordOnlyGiven) keyword-only argument\(keywordOnlyGiven == 1 ? "" : "s")) were given"
                } else {
                    message += given == 1 ? " was given" : " were given"
                }
                throw typeError(message)
            }
        } else if hasVarArgs {
            slots[varArgsSlot] = Value(emptyTuple)
        }
        var extraKeywords: PyDict?
        if hasVarKeywords {
            let made = newDict()
            extraKeywords = made
            slots[varKeywordsSlot] = Value(made)
        }
        var misplacedPositionalOnly: [String] = []
        for (offset, keyword) in keywordNames.enumerated() {
            let value = arguments[given + offset]
            var found = -1
            for index in code.positionalOnlyCount..<(positionalCount + keywordOnlyCount)
            where function.code.parameterNames[index].matches(keyword) {
                found = index
                break
            }
            if found >= 0 {
                if !slots[found].isNull { throw typeError("\(name)() got multiple values for argument '\(keyword.value)'") }
                slots[found] = value
            } else if let extraKeywords {
                extraKeywords.setString(keyword, value)
            } else if code.localNames[0..<code.positionalOnlyCount].contains(keyword.value) {
                misplacedPositionalOnly.append(keyword.value)
            } else {
                throw typeError("\(name)() got an unexpected keyword argument '\(keyword.value)'")
            }
        }
        if !misplacedPositionalOnly.isEmpty {
            throw typeError("\(name)() got some positional-only arguments passed as keyword arguments: '\(misplacedPositionalOnly.joined(separator: ", "))'")
        }
        let firstDefault = positionalCount - function.defaults.count
        var missing: [String] = []
        for index in 0..<positionalCount where slots[index].isNull {
            if index >= firstDefault {
                slots[index] = function.defaults[index - firstDefault]
            } else {
                missing.append(code.localNames[index])
            }
        }
        if !missing.isEmpty { throw typeError(missingMessage(name, missing, kind: "positional")) }
        for index in positionalCount..<(positionalCount + keywordOnlyCount) where slots[index].isNull {
            if let value = function.keywordDefaults?.lookupName(function.code.parameterNames[index].key) {
                slots[index] = value
            } else {
                missing.append(code.localNames[index])
            }
        }
        if !missing.isEmpty { throw typeError(missingMessage(name, missing, kind: "keyword-only")) }
    }

    private func missingMessage(_ name: String, _ missing: [String], kind: String) -> String {
        let quoted = missing.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = quoted[0] + " and " + quoted[1]
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted[quoted.count - 1]
        }
        return "\(name)() missing \(missing.count) required \(kind) argument\(missing.count == 1 ? "" : "s"): \(list)"
    }

    /// `f(*args, **kwargs)`.
    func callWithUnpacking(_ callable: Value, _ positional: Value, _ keywords: Value) throws(PyError) -> Value {
        var arguments = positional.as(PyTuple.self)?.items ?? []
        var names: [PyStr] = []
        if let dict = keywords.as(PyDict.self) {
            for entry in dict.liveEntries {
                guard let key = entry.key.as(PyStr.self) else { throw typeError("keywords must be strings") }
                names.append(key)
                arguments.append(entry.value)
            }
        }
        return try call(callable, arguments, keywordNames: names)
    }
}
