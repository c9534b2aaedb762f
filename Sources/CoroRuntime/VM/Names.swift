/// Interned special-method names the runtime looks up on hot paths, made once per
/// interpreter so that lookups compare pointers instead of hashing text.
final class Names {
    let getitem: PyStr
    let next: PyStr
    let doc: PyStr
    let new: PyStr
    let name: PyStr
    let len: PyStr
    let index: PyStr
    let hash: PyStr
    let get: PyStr
    let file: PyStr
    let eq: PyStr
    let setitem: PyStr
    let set: PyStr
    let iter: PyStr
    let getattribute: PyStr
    let getattr: PyStr
    let float: PyStr
    let delitem: PyStr
    let call: PyStr
    let str: PyStr
    let del: PyStr
    /// What a future registered with `collectionReports` is asked and called (asyncio).
    let onCollected: PyStr, futureState: PyStr
    let setattr: PyStr
    let setName: PyStr
    let round: PyStr
    let reversed: PyStr
    let repr: PyStr
    let qualname: PyStr
    let module: PyStr
    let missing: PyStr
    let instancecheck: PyStr
    let initSubclass: PyStr
    let initializer: PyStr
    let format: PyStr
    let exit: PyStr
    let enter: PyStr
    let divmod: PyStr
    let delete: PyStr
    let delattr: PyStr
    let contains: PyStr
    let classGetitem: PyStr
    let builtins: PyStr
    let buildClass: PyStr
    let bool: PyStr
    let awaitMethod: PyStr
    let anext: PyStr
    let all: PyStr
    let aiter: PyStr
    let aexit: PyStr
    let aenter: PyStr
    let abs: PyStr
    /// Forward, reflected and in-place method names per `BinaryOperation`.
    let binary: [(forward: PyStr, reflected: PyStr, inPlace: PyStr)]
    /// Method names per `ComparisonOperation`.
    let comparison: [PyStr]

    init(intern: (String) -> PyStr) {
        getitem = intern("__getitem__")
        next = intern("__next__")
        doc = intern("__doc__")
        new = intern("__new__")
        name = intern("__name__")
        len = intern("__len__")
        index = intern("__index__")
        hash = intern("__hash__")
        get = intern("__get__")
        file = intern("__file__")
        eq = intern("__eq__")
        setitem = intern("__setitem__")
        set = intern("__set__")
        iter = intern("__iter__")
        getattribute = intern("__getattribute__")
        getattr = intern("__getattr__")
        float = intern("__float__")
        delitem = intern("__delitem__")
        call = intern("__call__")
        str = intern("__str__")
        del = intern("__del__")
        onCollected = intern("_on_collected")
        futureState = intern("_state")
        setattr = intern("__setattr__")
        setName = intern("__set_name__")
        round = intern("__round__")
        reversed = intern("__reversed__")
        repr = intern("__repr__")
        qualname = intern("__qualname__")
        module = intern("__module__")
        missing = intern("__missing__")
        instancecheck = intern("__instancecheck__")
        initSubclass = intern("__init_subclass__")
        initializer = intern("__init__")
        format = intern("__format__")
        exit = intern("__exit__")
        enter = intern("__enter__")
        divmod = intern("__divmod__")
        delete = intern("__delete__")
        delattr = intern("__delattr__")
        contains = intern("__contains__")
        classGetitem = intern("__class_getitem__")
        builtins = intern("__builtins__")
        buildClass = intern("__build_class__")
        bool = intern("__bool__")
        awaitMethod = intern("__await__")
        anext = intern("__anext__")
        all = intern("__all__")
        aiter = intern("__aiter__")
        aexit = intern("__aexit__")
        aenter = intern("__aenter__")
        abs = intern("__abs__")
        binary = VM.binaryDunderNames.map { (intern($0.0), intern($0.1), intern($0.2)) }
        comparison = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"].map(intern)
    }
}
