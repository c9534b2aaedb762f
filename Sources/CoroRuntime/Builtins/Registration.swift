/// Helpers for defining native functions and methods and checking their arguments
/// with CPython's messages.
extension VM {
    /// Adds a builtin function to the builtins namespace.
    func defineBuiltin(_ name: String, _ function: @escaping NativeFunction) {
        builtins.setString(intern(name), Value(heap.makeImmortal(
            PyBuiltin(type: types.builtinFunction, name: name, owner: nil, function: function))))
    }

    /// Adds a method to a builtin type; the receiver arrives as argument 0.
    func defineMethod(_ type: PyType, _ name: String, _ function: @escaping NativeFunction) {
        type.dict.setString(intern(name), Value(heap.makeImmortal(
            PyBuiltin(type: types.builtinFunction, name: name, owner: type, function: function))))
    }

    /// `callable(value)`.
    func isCallable(_ value: Value) -> Bool {
        guard let object = value.object else { return false }
        return object is PyFunction || object is PyBuiltin || object is PyMethod || object is PyType
            || object.type.lookup(names.call) != nil || (object as? PyBox)?.kind == .partial
    }

    /// Adds a function to a module namespace.
    func defineFunction(_ dict: PyDict, _ name: String, _ function: @escaping NativeFunction) {
        dict.setString(intern(name), Value(builtin(name, function)))
    }
}

extension Arguments {
    /// "f() takes exactly one argument (N given)".
    func exactlyOne(_ name: String, _ vm: VM) throws(PyError) -> Value {
        guard values.count == 1, keywordNames.isEmpty else {
            if !keywordNames.isEmpty { throw vm.typeError("\(name)() takes no keyword arguments") }
            throw vm.typeError("\(name)() takes exactly one argument (\(values.count) given)")
        }
        return values[0]
    }

    /// "f expected at least/most N arguments, got M" (CPython's unpack-tuple messages).
    func expect(_ name: String, _ vm: VM, min: Int, max: Int, keywords: Bool = false) throws(PyError) {
        if !keywords && !keywordNames.isEmpty { throw vm.typeError("\(name)() takes no keyword arguments") }
        let count = positionalCount
        if count < min || count > max {
            let plural = { (n: Int) in n == 1 ? "argument" : "arguments" }
            if min == max { throw vm.typeError("\(name) expected \(min) \(plural(min)), got \(count)") }
            if count < min { throw vm.typeError("\(name) expected at least \(min) \(plural(min)), got \(count)") }
            throw vm.typeError("\(name) expected at most \(max) \(plural(max)), got \(count)")
        }
    }

    /// "m() takes at most N arguments (M given)" (CPython's argument-clinic messages).
    func expectMethod(_ name: String, _ vm: VM, min: Int, max: Int) throws(PyError) {
        let count = positionalCount - 1
        if count < min || count > max {
            if min == max && min == 1 { throw vm.typeError("\(name)() takes exactly one argument (\(count) given)") }
            if min == max && min == 0 { throw vm.typeError("\(name)() takes no arguments (\(count) given)") }
            if count > max { throw vm.typeError("\(name)() takes at most \(max) argument\(max == 1 ? "" : "s") (\(count) given)") }
            throw vm.typeError("\(name)() takes at least \(min) argument\(min == 1 ? "" : "s") (\(count) given)")
        }
    }

    /// A C method's arguments after its receiver, bound as CPython's argument clinic
    /// binds them (`Task(coro, *, loop=None, name=None, context=None)`): one value per
    /// parameter, null where none was given, and clinic's messages for the rest.
    func clinic(_ function: String, _ vm: VM, positional: [String], keywordOnly: [String] = [],
                required: Int) throws(PyError) -> [Value] {
        let parameters = positional + keywordOnly
        let given = positionalCount - 1
        let total = given + keywordNames.count
        if total > parameters.count {
            let plural = parameters.count == 1 ? "" : "s"
            throw vm.typeError("\(function)() takes at most \(parameters.count) \(given == 0 ? "keyword " : "")argument\(plural) (\(total) given)")
        }
        if given > positional.count {
            if positional.isEmpty { throw vm.typeError("\(function)() takes no positional arguments") }
            let plural = positional.count == 1 ? "" : "s"
            throw vm.typeError("\(function)() takes \(required < positional.count ? "at most" : "exactly") \(positional.count) positional argument\(plural) (\(given) given)")
        }
        var bound = Array(values[1..<positionalCount])
        var matched = 0
        for index in given..<parameters.count {
            let found = keyword(parameters[index])
            if found != nil { matched += 1 }
            if found == nil && index < required {
                throw vm.typeError("\(function)() missing required argument '\(parameters[index])' (pos \(index + 1))")
            }
            bound.append(found ?? .null)
        }
        if matched < keywordNames.count {
            if let twice = positional.prefix(given).firstIndex(where: { keyword($0) != nil }) {
                throw vm.typeError("argument for \(function)() given by name ('\(positional[twice])') and position (\(twice + 1))")
            }
            let unknown = keywordNames.first { !parameters.contains($0.value) }?.value ?? ""
            throw vm.typeError("'\(unknown)' is an invalid keyword argument for \(function)()")
        }
        return bound
    }

    /// A script-style function's keyword check: each keyword is one of `allowed`, else
    /// "f() got an unexpected keyword argument 'k'".
    func allowKeywords(_ allowed: [String], _ function: String, _ vm: VM) throws(PyError) {
        if let unexpected = keywordNames.first(where: { !allowed.contains($0.value) }) {
            throw vm.typeError("\(function)() got an unexpected keyword argument '\(unexpected.value)'")
        }
    }

    /// Positional argument `index`, or the keyword `name`, or nil.
    func argument(_ index: Int, _ name: String) -> Value? {
        if index < positionalCount { return values[index] }
        return keyword(name)
    }
}
