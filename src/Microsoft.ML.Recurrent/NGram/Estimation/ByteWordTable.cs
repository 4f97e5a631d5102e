using System.Runtime.CompilerServices;

namespace Microsoft.ML.Recurrent.NGram.Estimation;

/// <summary>
/// Open-addressing hash table from a word's UTF-8 bytes to a dense id (0, 1, 2, ... in insertion order). The bytes of
/// all words live in one arena, so reading a corpus makes no string per token; strings are made once per distinct word.
/// </summary>
internal sealed class ByteWordTable
{
    private int[] _slots;          // id + 1; 0 = empty. Capacity is a power of two kept at most half full.
    private int[] _offsets = new int[1024];
    private int[] _lengths = new int[1024];
    private uint[] _hashes = new uint[1024];
    private byte[] _arena = new byte[16384];
    private int _arenaUsed;

    public ByteWordTable(int expectedWords = 1024)
    {
        int capacity = 64;
        while (capacity < expectedWords * 2) capacity <<= 1;
        _slots = new int[capacity];
    }

    /// <summary>Number of distinct words.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes of word <paramref name="id"/>.</summary>
    public ReadOnlySpan<byte> Word(int id) => _arena.AsSpan(_offsets[id], _lengths[id]);

    /// <summary>The id of <paramref name="word"/>, or -1 when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<byte> word)
    {
        uint hash = Hash(word);
        int mask = _slots.Length - 1;
        for (int slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            int entry = _slots[slot];
            if (entry == 0) return -1;
            int id = entry - 1;
            if (_hashes[id] == hash && word.SequenceEqual(_arena.AsSpan(_offsets[id], _lengths[id]))) return id;
        }
    }

    /// <summary>The id of <paramref name="word"/>, adding it with the next id when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Intern(ReadOnlySpan<byte> word)
    {
        uint hash = Hash(word);
        int mask = _slots.Length - 1;
        int slot = (int)hash & mask;
        for (; ; slot = (slot + 1) & mask)
        {
            int entry = _slots[slot];
            if (entry == 0) break;
            int id = entry - 1;
            if (_hashes[id] == hash && word.SequenceEqual(_arena.AsSpan(_offsets[id], _lengths[id]))) return id;
        }
        return Add(word, hash, slot);
    }

    private int Add(ReadOnlySpan<byte> word, uint hash, int slot)
    {
        int id = Count;
        if (id == _offsets.Length)
        {
            Array.Resize(ref _offsets, id * 2);
            Array.Resize(ref _lengths, id * 2);
            Array.Resize(ref _hashes, id * 2);
        }
        if (_arenaUsed + word.Length > _arena.Length)
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaUsed + word.Length));
        word.CopyTo(_arena.AsSpan(_arenaUsed));
        _offsets[id] = _arenaUsed;
        _lengths[id] = word.Length;
        _hashes[id] = hash;
        _arenaUsed += word.Length;
        _slots[slot] = id + 1;
        Count = id + 1;
        if (Count * 2 > _slots.Length) Grow();
        return id;
    }

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        int mask = slots.Length - 1;
        for (int id = 0; id < Count; id++)
        {
            int slot = (int)_hashes[id] & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = id + 1;
        }
        _slots = slots;
    }

    // FNV-1a, then a final avalanche so that the low bits used for the slot depend on every byte.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<byte> word)
    {
        uint h = 2166136261;
        foreach (byte b in word) h = (h ^ b) * 16777619;
        h ^= h >> 15;
        h *= 0x2C1B3C6D;
        h ^= h >> 12;
        return h;
    }
}
