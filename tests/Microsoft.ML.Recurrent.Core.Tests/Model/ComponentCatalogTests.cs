using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Core.Tests.Example;

namespace Microsoft.ML.Recurrent.Core.Tests.Model;

public sealed class ComponentCatalogTests
{
    private sealed class Unregistered : ITransformer
    {
        public bool IsRowToRowMapper => true;

        public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => inputSchema;

        public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => throw new NotSupportedException();

        public void Save(ModelSaveContext context) => throw new NotSupportedException();

        public IDataView Transform(IDataView input) => input;
    }

    [Fact]
    public void Save_UnregisteredTransformer_ExplainsHowToRegister()
    {
        var ml = new MLContext(seed: 1);
        var e = Assert.Throws<InvalidOperationException>(() => ml.Model.Save(new Unregistered(), null, new MemoryStream()));
        Assert.Contains("[assembly: ModelComponent(", e.Message);
        Assert.Contains("ILoadableTransformer", e.Message);
    }

    [Fact]
    public void RegisteredNames_IncludeCoreAndAssemblyAttributes()
    {
        var names = new MLContext().ComponentCatalog.GetRegisteredNames();
        Assert.Contains("TransformerChain", names);
        Assert.Contains("MapValueToKey", names);
        Assert.Contains("Example.UpperCase", names);
    }

    [Fact]
    public void Register_InvalidName_IsRejected()
    {
        var ml = new MLContext();
        var e = Assert.Throws<InvalidOperationException>(() => ml.ComponentCatalog.Register<UpperCaseTransformer>("bad name/..", 1));
        Assert.Contains("is invalid", e.Message);
    }

    [Fact]
    public void Register_SameNameForAnotherType_IsRejected()
    {
        var ml = new MLContext();
        ml.ComponentCatalog.Register("Test.Twice", 1, typeof(UpperCaseTransformer), c => UpperCaseTransformer.Load(c));
        var e = Assert.Throws<InvalidOperationException>(() => ml.ComponentCatalog.Register("Test.Twice", 1, typeof(Unregistered), _ => new Unregistered()));
        Assert.Contains("registered twice", e.Message);
    }
}
