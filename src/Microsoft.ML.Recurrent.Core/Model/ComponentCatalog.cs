using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// The registry of saveable components: stable name + version ↔ transformer class + load function. Filled from
/// <see cref="ModelComponentAttribute"/>s of the assemblies loaded in the process (scanned once each, on
/// demand) and from explicit <see cref="Register"/> calls on this catalog. Loading a model resolves names
/// only here: a file never names a .NET type.
/// </summary>
public sealed partial class ComponentCatalog
{
    private static readonly ConcurrentDictionary<Assembly, Registration[]> s_scanned = new();
    private static readonly ConcurrentDictionary<string, Registration> s_byName = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, Registration> s_byType = new();
    private static readonly object s_scanLock = new();

    private readonly ConcurrentDictionary<string, Registration> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, Registration> _byType = new();

    internal ComponentCatalog()
    {
    }

    /// <summary>Registers every <see cref="ModelComponentAttribute"/> of <paramref name="assembly"/>.</summary>
    /// <exception cref="InvalidOperationException">An attribute is invalid (when <paramref name="throwOnError"/>).</exception>
    public void RegisterAssembly(Assembly assembly, bool throwOnError = true)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        try
        {
            Scan(assembly);
        }
        catch (InvalidOperationException) when (!throwOnError)
        {
        }
    }

    /// <summary>Registers <typeparamref name="TTransformer"/> under <paramref name="name"/> and <paramref name="version"/> for this context only.</summary>
    public void Register<TTransformer>(string name, int version)
        where TTransformer : class, ITransformer, ILoadableTransformer<TTransformer>
        => Register(name, version, typeof(TTransformer), static context => TTransformer.Load(context));

    /// <summary>Registers a load function for <paramref name="transformerType"/> under <paramref name="name"/> for this context only.</summary>
    public void Register(string name, int version, Type transformerType, Func<ModelLoadContext, ITransformer> load)
    {
        var registration = new Registration(name, version, transformerType, load);
        Add(_byName, _byType, registration);
    }

    /// <summary>Names of all components known now (explicit ones and those of scanned assemblies).</summary>
    public IReadOnlyCollection<string> GetRegisteredNames()
    {
        ScanLoadedAssemblies();
        return _byName.Keys.Concat(s_byName.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    internal Registration ResolveName(string name, string where)
    {
        if (_byName.TryGetValue(name, out Registration? found) || s_byName.TryGetValue(name, out found))
            return found;
        ScanLoadedAssemblies();
        if (s_byName.TryGetValue(name, out found))
            return found;
        LoadReferencedAssemblies();
        if (s_byName.TryGetValue(name, out found))
            return found;
        throw new InvalidDataException(
            $"{where}: unknown component '{name}'. No loaded assembly registers it with [assembly: ModelComponent(\"{name}\", ...)]; "
            + "reference the assembly that defines it (or call mlContext.ComponentCatalog.RegisterAssembly). "
            + $"Known components: {string.Join(", ", GetRegisteredNames())}.");
    }

    internal Registration ResolveType(Type type)
    {
        Type key = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (_byType.TryGetValue(key, out Registration? found) || s_byType.TryGetValue(key, out found))
            return found;
        Scan(type.Assembly);
        if (s_byType.TryGetValue(key, out found))
            return found;
        throw new InvalidOperationException(
            $"Transformer {type.FullName} cannot be saved: it is not registered. Add [assembly: ModelComponent(\"<stable name>\", 1, typeof({key.Name}))] "
            + "to its assembly and implement ILoadableTransformer<T> (see docs/component-authoring.md).");
    }

    private static void ScanLoadedAssemblies()
    {
        foreach (Assembly assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!assembly.IsDynamic && !s_scanned.ContainsKey(assembly))
            {
                try
                {
                    Scan(assembly);
                }
                catch (Exception e) when (e is InvalidOperationException or FileNotFoundException or FileLoadException or TypeLoadException or BadImageFormatException)
                {
                    // A broken registration or a missing dependency in an unrelated assembly must not stop loading
                    // other models; the assembly's own components fail when used directly.
                    s_scanned.TryAdd(assembly, []);
                }
            }
        }
    }

    // A server may call Model.Load before touching any component type, so the assembly defining a component
    // can be referenced but not yet loaded. Loading the application's own references (never a name read
    // from the file) makes their registrations visible.
    private static void LoadReferencedAssemblies()
    {
        Assembly? entry = Assembly.GetEntryAssembly();
        if (entry is null)
            return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Assembly>();
        queue.Enqueue(entry);
        while (queue.Count > 0)
        {
            foreach (AssemblyName reference in queue.Dequeue().GetReferencedAssemblies())
            {
                string name = reference.Name ?? string.Empty;
                if (name.StartsWith("System", StringComparison.Ordinal) || name is "mscorlib" or "netstandard" || !seen.Add(name))
                    continue;
                try
                {
                    queue.Enqueue(Assembly.Load(reference));
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // Optional dependencies of the application may be absent; they cannot hold a component we need.
                }
            }
        }
        ScanLoadedAssemblies();
    }

    private static void Scan(Assembly assembly)
    {
        lock (s_scanLock)
        {
            if (s_scanned.ContainsKey(assembly))
                return;
            var registrations = new List<Registration>();
            foreach (ModelComponentAttribute attribute in assembly.GetCustomAttributes<ModelComponentAttribute>())
                registrations.Add(FromAttribute(attribute, assembly));
            foreach (Registration r in registrations)
                Add(s_byName, s_byType, r);
            s_scanned[assembly] = registrations.ToArray();
        }
    }

    private static Registration FromAttribute(ModelComponentAttribute attribute, Assembly assembly)
    {
        Type type = attribute.TransformerType ?? throw new InvalidOperationException($"[ModelComponent(\"{attribute.Name}\")] in {assembly.GetName().Name} has no transformer type.");
        if (type.Assembly != assembly)
            throw new InvalidOperationException($"[ModelComponent(\"{attribute.Name}\")] in {assembly.GetName().Name} names {type.FullName} from another assembly; register a component in its own assembly.");
        Type closed = type.IsGenericTypeDefinition ? ClosedForLoading(type) : type;
        MethodInfo make = typeof(ComponentCatalog).GetMethod(nameof(MakeLoader), BindingFlags.NonPublic | BindingFlags.Static)!;
        Func<ModelLoadContext, ITransformer> load;
        try
        {
            load = (Func<ModelLoadContext, ITransformer>)make.MakeGenericMethod(closed).Invoke(null, null)!;
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"[ModelComponent(\"{attribute.Name}\")]: {type.FullName} must be a class implementing ITransformer and ILoadableTransformer<{type.Name}>.", e);
        }
        return new Registration(attribute.Name, attribute.Version, type, load);
    }

    // Generic transformers (TransformerChain<T>) are loaded as their ITransformer instantiation, as ML.NET does.
    private static Type ClosedForLoading(Type definition)
    {
        Type[] arguments = definition.GetGenericArguments();
        return definition.MakeGenericType(arguments.Select(_ => typeof(ITransformer)).ToArray());
    }

    private static Func<ModelLoadContext, ITransformer> MakeLoader<T>()
        where T : class, ITransformer, ILoadableTransformer<T>
        => static context => T.Load(context);

    private static void Add(ConcurrentDictionary<string, Registration> byName, ConcurrentDictionary<Type, Registration> byType, Registration registration)
    {
        Type key = registration.TransformerType.IsGenericType ? registration.TransformerType.GetGenericTypeDefinition() : registration.TransformerType;
        if (byName.TryGetValue(registration.Name, out Registration? existing) && existing.TransformerType != registration.TransformerType)
            throw new InvalidOperationException($"Component name '{registration.Name}' is registered twice: by {existing.TransformerType.FullName} and {registration.TransformerType.FullName}.");
        byName[registration.Name] = registration;
        byType[key] = registration;
    }

    internal sealed partial class Registration
    {
        public Registration(string name, int version, Type transformerType, Func<ModelLoadContext, ITransformer> load)
        {
            ArgumentNullException.ThrowIfNull(transformerType);
            ArgumentNullException.ThrowIfNull(load);
            if (string.IsNullOrEmpty(name) || name.Length > 200 || !NamePattern().IsMatch(name))
                throw new InvalidOperationException($"Component name '{name}' is invalid: use 1-200 characters among A-Z a-z 0-9 . _ -.");
            if (version < 1)
                throw new InvalidOperationException($"Component '{name}' version must be at least 1, not {version}.");
            Name = name;
            Version = version;
            TransformerType = transformerType;
            Load = load;
        }

        public string Name { get; }

        public int Version { get; }

        public Type TransformerType { get; }

        public Func<ModelLoadContext, ITransformer> Load { get; }

        [GeneratedRegex("^[A-Za-z0-9._-]+$")]
        private static partial Regex NamePattern();
    }
}
