/// The builtin classes of one interpreter (each interpreter has its own). They are
/// immortal (`Heap.makeImmortal`), so they are held unowned: reading one costs no
/// reference counting.
final class BuiltinTypes {
    unowned(unsafe) let type: PyType
    unowned(unsafe) let object: PyType
    unowned(unsafe) let int: PyType
    unowned(unsafe) let bool: PyType
    unowned(unsafe) let float: PyType
    unowned(unsafe) let str: PyType
    unowned(unsafe) let bytes: PyType
    unowned(unsafe) let list: PyType
    unowned(unsafe) let tuple: PyType
    unowned(unsafe) let dict: PyType
    unowned(unsafe) let set: PyType
    unowned(unsafe) let frozenset: PyType
    unowned(unsafe) let none: PyType
    unowned(unsafe) let notImplemented: PyType
    unowned(unsafe) let ellipsis: PyType
    unowned(unsafe) let function: PyType
    unowned(unsafe) let builtinFunction: PyType
    unowned(unsafe) let method: PyType
    unowned(unsafe) let cell: PyType
    unowned(unsafe) let module: PyType
    unowned(unsafe) let code: PyType
    unowned(unsafe) let generator: PyType
    unowned(unsafe) let coroutine: PyType
    unowned(unsafe) let asyncGenerator: PyType
    unowned(unsafe) let range: PyType
    unowned(unsafe) let slice: PyType
    unowned(unsafe) let property: PyType
    /// `member_descriptor`, what `__slots__` makes.
    unowned(unsafe) let member: PyType
    unowned(unsafe) let staticMethod: PyType
    unowned(unsafe) let classMethod: PyType
    unowned(unsafe) let superType: PyType
    unowned(unsafe) let file: PyType
    /// Native state a module hands to scripts as an opaque value (an HTTP exchange).
    unowned(unsafe) let nativeHandle: PyType
    /// asyncio's timer heap (`PyTimerHeap`), a loop's `_scheduled`.
    unowned(unsafe) let timerHeap: PyType
    /// A future's done callback on asyncio's ready list (`PyReadyCallback`).
    unowned(unsafe) let readyCallback: PyType
    /// A `collections.deque`'s items (`PyDequeStorage`).
    unowned(unsafe) let dequeStorage: PyType
    let box: [BoxKind: PyType]
    unowned(unsafe) let baseException: PyType
    /// Every builtin exception class by name.
    @exclusivity(unchecked) private(set) var exceptions: [String: PyType] = [:]

    init(heap: Heap) {
        var created: [PyType] = []
        func make(_ name: String, _ metatype: PyType?, _ bases: [PyType], _ layout: Layout) -> PyType {
            let dict = heap.makeImmortal(PyDict(uninitializedType: ()))
            let made = heap.makeImmortal(PyType(metatype: metatype, name: name, bases: bases, dict: dict, layout: layout))
            made.mro = [made] + (bases.first?.mro ?? [])
            created.append(made)
            return made
        }
        let metatype = make("type", nil, [], .type)
        let root = make("object", metatype, [], .object)
        metatype.bases = [root]
        metatype.mro = [metatype, root]
        type = metatype
        object = root
        func simple(_ name: String, _ layout: Layout, base: PyType? = nil, subclassable: Bool = true) -> PyType {
            let made = make(name, metatype, [base ?? root], layout)
            made.isBaseType = subclassable
            return made
        }
        let intType = simple("int", .int)
        int = intType
        bool = simple("bool", .bool, base: intType, subclassable: false)
        float = simple("float", .float)
        str = simple("str", .str)
        bytes = simple("bytes", .bytes)
        list = simple("list", .list)
        tuple = simple("tuple", .tuple)
        dict = simple("dict", .dict)
        set = simple("set", .set)
        frozenset = simple("frozenset", .frozenset)
        none = simple("NoneType", .none, subclassable: false)
        notImplemented = simple("NotImplementedType", .other, subclassable: false)
        ellipsis = simple("ellipsis", .other, subclassable: false)
        function = simple("function", .function, subclassable: false)
        builtinFunction = simple("builtin_function_or_method", .builtin, subclassable: false)
        method = simple("method", .method, subclassable: false)
        cell = simple("cell", .cell, subclassable: false)
        module = simple("module", .module)
        code = simple("code", .code, subclassable: false)
        generator = simple("generator", .generator, subclassable: false)
        coroutine = simple("coroutine", .coroutine, subclassable: false)
        asyncGenerator = simple("async_generator", .generator, subclassable: false)
        range = simple("range", .range, subclassable: false)
        slice = simple("slice", .slice, subclassable: false)
        property = simple("property", .property)
        member = simple("member_descriptor", .other, subclassable: false)
        staticMethod = simple("staticmethod", .staticMethod)
        classMethod = simple("classmethod", .classMethod)
        superType = simple("super", .superObject)
        file = simple("TextIOWrapper", .file, subclassable: false)
        nativeHandle = simple("native_handle", .other, subclassable: false)
        timerHeap = simple("TimerHeap", .other, subclassable: false)
        readyCallback = simple("ReadyCallback", .other, subclassable: false)
        dequeStorage = simple("deque_storage", .other, subclassable: false)
        let boxNames: [(BoxKind, String)] = [
            (.listIterator, "list_iterator"), (.tupleIterator, "tuple_iterator"),
            (.strIterator, "str_ascii_iterator"), (.rangeIterator, "range_iterator"),
            (.dictKeyIterator, "dict_keyiterator"), (.dictValueIterator, "dict_valueiterator"),
            (.dictItemIterator, "dict_itemiterator"), (.setIterator, "set_iterator"),
            (.bytesIterator, "bytes_iterator"), (.callIterator, "callable_iterator"),
            (.sequenceIterator, "iterator"), (.reversedList, "list_reverseiterator"),
            (.reversedSequence, "reversed"), (.enumerate, "enumerate"), (.zip, "zip"), (.map, "map"),
            (.filter, "filter"), (.dictKeys, "dict_keys"), (.dictValues, "dict_values"),
            (.dictItems, "dict_items"), (.partial, "functools.partial"),
            (.asyncGenSend, "async_generator_asend"), (.asyncGenThrow, "async_generator_athrow"),
            (.coroutineWrapper, "coroutine_wrapper"), (.futureIter, "FutureIter"), (.yieldOnce, "sleep0"),
            (.dequeIterator, "_collections._deque_iterator"), (.dequeReverseIterator, "_collections._deque_reverse_iterator"),
        ]
        var boxes: [BoxKind: PyType] = [:]
        let propertyType = property, staticType = staticMethod, classType = classMethod, superKind = superType
        for (kind, name) in boxNames {
            boxes[kind] = simple(name, .iterator, subclassable: kind == .enumerate || kind == .zip)
        }
        boxes[.property] = propertyType
        boxes[.staticMethod] = staticType
        boxes[.classMethod] = classType
        boxes[.superObject] = superKind
        box = boxes
        let exceptionRoot = make("BaseException", metatype, [root], .exception)
        var exceptionTypes = ["BaseException": exceptionRoot]
        for (name, parent) in Self.exceptionTree {
            guard let base = exceptionTypes[parent] else { continue }
            exceptionTypes[name] = make(name, metatype, [base], .exception)
        }
        // ExceptionGroup(BaseExceptionGroup, Exception), as in CPython.
        if let group = exceptionTypes["ExceptionGroup"], let baseGroup = exceptionTypes["BaseExceptionGroup"],
           let exception = exceptionTypes["Exception"] {
            group.bases = [baseGroup, exception]
            group.mro = [group, baseGroup, exception, exceptionRoot, root]
        }
        baseException = exceptionRoot
        exceptions = exceptionTypes
        // Every type's dict is a real dict once `dict` exists.
        let dictType = dict
        for made in created { made.dict.typeStorage = Unmanaged.passUnretained(dictType) }
    }

    /// The builtin exception hierarchy, parents before children.
    static let exceptionTree: [(String, String)] = [
        ("SystemExit", "BaseException"), ("KeyboardInterrupt", "BaseException"),
        ("GeneratorExit", "BaseException"), ("Exception", "BaseException"),
        ("ArithmeticError", "Exception"), ("ZeroDivisionError", "ArithmeticError"),
        ("OverflowError", "ArithmeticError"), ("FloatingPointError", "ArithmeticError"),
        ("AssertionError", "Exception"), ("AttributeError", "Exception"), ("BufferError", "Exception"),
        ("EOFError", "Exception"), ("ImportError", "Exception"), ("ModuleNotFoundError", "ImportError"),
        ("LookupError", "Exception"), ("IndexError", "LookupError"), ("KeyError", "LookupError"),
        ("MemoryError", "Exception"), ("NameError", "Exception"), ("UnboundLocalError", "NameError"),
        ("OSError", "Exception"), ("FileNotFoundError", "OSError"), ("FileExistsError", "OSError"),
        ("PermissionError", "OSError"), ("IsADirectoryError", "OSError"), ("NotADirectoryError", "OSError"),
        ("TimeoutError", "OSError"), ("InterruptedError", "OSError"), ("BlockingIOError", "OSError"),
        ("ChildProcessError", "OSError"), ("ProcessLookupError", "OSError"),
        ("ConnectionError", "OSError"), ("BrokenPipeError", "ConnectionError"),
        ("ConnectionAbortedError", "ConnectionError"), ("ConnectionRefusedError", "ConnectionError"),
        ("ConnectionResetError", "ConnectionError"),
        ("ReferenceError", "Exception"), ("RuntimeError", "Exception"),
        ("NotImplementedError", "RuntimeError"), ("RecursionError", "RuntimeError"),
        ("StopIteration", "Exception"), ("StopAsyncIteration", "Exception"),
        ("SyntaxError", "Exception"), ("IndentationError", "SyntaxError"), ("TabError", "IndentationError"),
        ("SystemError", "Exception"), ("TypeError", "Exception"), ("ValueError", "Exception"),
        ("UnicodeError", "ValueError"), ("UnicodeDecodeError", "UnicodeError"),
        ("UnicodeEncodeError", "UnicodeError"), ("Warning", "Exception"), ("UserWarning", "Warning"),
        ("DeprecationWarning", "Warning"), ("RuntimeWarning", "Warning"), ("SyntaxWarning", "Warning"),
        ("FutureWarning", "Warning"), ("PendingDeprecationWarning", "Warning"),
        ("ImportWarning", "Warning"), ("UnicodeWarning", "Warning"), ("BytesWarning", "Warning"),
        ("ResourceWarning", "Warning"), ("BaseExceptionGroup", "BaseException"),
        ("ExceptionGroup", "BaseExceptionGroup"),
    ]

    subscript(exception name: String) -> PyType {
        exceptions[name] ?? baseException
    }
}
